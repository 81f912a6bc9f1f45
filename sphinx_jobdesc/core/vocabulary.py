"""The words the format, the directives, the checks and the labels share.

One entry per name: a section a directive shows, a fact a job description
lists, an enum value of the role-file format, a check. Labels
(``sphinx_jobdesc/locale.py``) are keyed by these names, and a test keeps every
name a page shows labelled; the schema's enums are tested against the tuples
here.
"""

from __future__ import annotations

#: The parts of a job description, in their default order.
JOBDESCRIPTION_SECTIONS = (
    "facts",
    "summary",
    "about",
    "responsibilities",
    "requirements",
    "benefits",
    "extra",
    "faq",
    "hiring_process",
    "apply",
)
#: The parts of an interview guide, in their default order.
INTERVIEWGUIDE_SECTIONS = ("overview", "competencies", "stages", "scorecards", "debrief")
#: The parts of a ladder.
JOBLADDER_SECTIONS = ("levels", "competencies")
#: The parts of a role's history (``jobhistory``).
JOBHISTORY_SECTIONS = ("history",)
#: The columns a catalogue can show, in their default order.
JOBCATALOG_COLUMNS = ("title", "family", "levels", "team", "location", "salary")
#: The rows of a job description's facts ("At a glance"), in order.
FACTS = ("level", "levels", "department", "team", "reports_to", "location",
         "employment_type", "salary", "last_changed")

#: ``:layout:`` and ``jobdesc_layout``.
LAYOUTS = ("auto", "plain", "design")
#: ``:heading:`` and ``jobdesc_heading``.
HEADINGS = ("auto", "section", "rubric", "none")
#: How role-file text is read (``markup:``, ``jobdesc_markup``).
MARKUPS = ("text", "rst")
#: Who a build is for (``jobdesc_audience``, ``-t public``).
BUILD_AUDIENCES = ("internal", "public")
#: Who an interview guide is for (``interviewguide :audience:``).
GUIDE_AUDIENCES = ("interviewer", "candidate")
#: What each column of a ladder shows (``jobladder :show:``).
LADDER_SHOWS = ("added", "full")

#: schema.org employment types (``employment_type``).
EMPLOYMENT_TYPES = ("FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER",
                    "PER_DIEM", "OTHER")
#: Pay periods (``compensation.period``), schema.org's ``unitText``.
PAY_PERIODS = ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")
#: ``location.type``.
LOCATION_TYPES = ("onsite", "hybrid", "remote")
#: ``interview.stages[].questions[].type``.
QUESTION_TYPES = ("behavioural", "situational", "technical", "work_sample", "knowledge")

#: The checks that can be turned on and off (``jobdesc_checks``, ``--disable``).
CHECKS = ("coverage", "time_budget", "anchors", "posting", "staleness", "lint")

#: ISO 4217 codes of currencies people are paid in (fund, metal and test codes left out).
CURRENCIES = frozenset(
    """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP
GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS
KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR
MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF
SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD
TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL
""".split()  # noqa: SIM905 - a table is easier to check against the standard
)


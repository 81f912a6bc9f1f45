"""Google's rules for JobPosting structured data, read from its documentation and
applied to the JSON a page carries: an independent check of what the extension
emits (the extension's own rules are over the role, in ``core/checks/posting.py``)."""

from __future__ import annotations

from typing import Any

from sphinx_jobdesc.core.vocabulary import CURRENCIES, EMPLOYMENT_TYPES
from sphinx_jobdesc.core.vocabulary import PAY_PERIODS as UNIT_TEXTS

JsonLd = dict[str, Any]


def rejections(data: JsonLd) -> list[str]:
    """What Google would reject in *data*: missing required properties, bad enums."""
    found = [f"the JobPosting has no '{key}'" + (f" ({why})" if why else "")
             for key, why in (("title", ""), ("description", ""),
                              ("datePosted", "posting.date_posted"),
                              ("hiringOrganization", "posting.hiring_organization.name"))
             if not data.get(key)]
    if "jobLocation" not in data and data.get("jobLocationType") != "TELECOMMUTE":
        found.append("the JobPosting has no 'jobLocation' (location.places) and is not "
                     "fully remote")
    if data.get("jobLocationType") == "TELECOMMUTE" and not data.get(
            "applicantLocationRequirements"):
        found.append("a TELECOMMUTE JobPosting needs 'applicantLocationRequirements' "
                     "(location.applicant_countries)")
    if data.get("description") and data["description"] == data.get("title"):
        found.append("the JobPosting's description is the same as its title")
    found += [f"employmentType '{kind}' is not one of {', '.join(EMPLOYMENT_TYPES)}"
              for kind in data.get("employmentType", ()) if kind not in EMPLOYMENT_TYPES]
    if "datePosted" in data and "validThrough" in data and (
            data["validThrough"] < data["datePosted"]):
        found.append("validThrough is before datePosted")
    salary = data.get("baseSalary")
    if salary is not None:
        value = salary["value"]
        if salary.get("currency") not in CURRENCIES:
            found.append(f"baseSalary currency {salary.get('currency')!r} is not ISO 4217")
        if value.get("unitText") not in UNIT_TEXTS:
            found.append(f"baseSalary unitText {value.get('unitText')!r} is not one of "
                         f"{', '.join(UNIT_TEXTS)} (compensation.period)")
        if "minValue" in value and "maxValue" in value and value["minValue"] > value["maxValue"]:
            found.append("baseSalary minValue is more than maxValue")
    return found


#: What Google recommends a JobPosting has, beyond what it requires.
RECOMMENDED = ("baseSalary", "employmentType", "identifier", "validThrough", "directApply")


def missing_recommendations(data: JsonLd) -> list[str]:
    """The recommended properties *data* lacks (applicant countries only if remote)."""
    found = [f"the JobPosting has no '{key}' (recommended)" for key in RECOMMENDED
             if key not in data]
    if data.get("jobLocationType") == "TELECOMMUTE" and (
            "remote" not in str(data.get("description", "")).lower()):
        found.append("a TELECOMMUTE JobPosting whose description does not say it is remote")
    return found

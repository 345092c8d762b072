"""Uses the client openapi-python-client generated from /openapi.json against the live server
(scripts/check-client). Argument 1: the server's base URL; 2: the generated package's folder."""
import enum
import importlib
import pkgutil
import sys
import urllib.parse

from careers_client import Client, models
from careers_client.api.comparisons import get_comparison, list_comparisons
from careers_client.api.jobs import get_job, get_salaries, list_jobs
from careers_client.api.meta import get_health, get_index, get_metrics, get_open_api, get_readiness
from careers_client.api.roles import compare_roles, get_role, list_roles
from careers_client.api.search import suggest

base, package = sys.argv[1], sys.argv[2]
checks = 0


def check(condition, what):
    global checks
    if not condition:
        sys.exit(f"check-client: {what}")
    checks += 1


# One type per enum: two generated enum classes with the same values mean the document spells
# one enum twice (as nullable enums once did: three classes for `level`).
seen = {}
for info in pkgutil.iter_modules([package + "/models"]):
    module = importlib.import_module("careers_client.models." + info.name)
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == module.__name__:
            key = frozenset(member.value for member in value)
            check(key not in seen, f"enum values {sorted(key)} generated twice: {seen.get(key)} and {value.__name__}")
            seen[key] = value.__name__
check(seen.get(frozenset(level.value for level in models.JobLevel)) == "JobLevel", "JobLevel is not the one level type")

# Undeclared statuses raise (errors.UnexpectedStatus): a status the server sends but the
# document does not list fails here.
client = Client(base_url=base, raise_on_unexpected_status=True)

# Every operation, plain.
index = get_index.sync(client=client)
check(isinstance(index, models.Index) and index.counts.jobs > 0, "GET / is not an Index")
check(isinstance(get_health.sync(client=client), models.Status), "GET /healthz")
check(isinstance(get_readiness.sync(client=client), models.Status), "GET /readyz")
check(get_metrics.sync_detailed(client=client).status_code == 200, "GET /metrics")
check(get_open_api.sync_detailed(client=client).status_code == 200, "GET /openapi.json")
roles = list_roles.sync(client=client, limit=100)
check(isinstance(roles, models.RoleList) and roles.total == len(roles.items), "GET /roles")
role = get_role.sync(roles.items[0].id, client=client)
check(isinstance(role, models.Role) and role.id == roles.items[0].id, "GET /roles/{id}")
comparisons = list_comparisons.sync(client=client)
check(isinstance(comparisons, models.ComparisonList) and comparisons.items, "GET /comparisons")
check(isinstance(get_comparison.sync(comparisons.items[0].id, client=client), models.Comparison), "GET /comparisons/{id}")
salaries = get_salaries.sync(client=client, level=models.JobLevel.SENIOR, bucket_width=20000)
check(isinstance(salaries, models.Salaries) and all(g.level == models.JobLevel.SENIOR for g in salaries.groups), "GET /salaries?level")
check(all(g.histogram.bucket_width >= 20000 for g in salaries.groups), "salary histograms honour bucket_width")
found = suggest.sync(client=client, q="engneer", types=[models.SuggestionType.ROLE], limit=5)
check(isinstance(found, models.SuggestionList) and found.items and all(s.type_ == models.SuggestionType.ROLE for s in found.items), "GET /suggest")

# List and filter.
seniors = list_jobs.sync(client=client, level=models.JobLevel.SENIOR, limit=100)
check(isinstance(seniors, models.JobList) and seniors.items, "GET /jobs?level=senior")
check(all(job.level == models.JobLevel.SENIOR for job in seniors.items), "level filter")
remote = list_jobs.sync(client=client, workplace=models.Workplace.REMOTE, limit=100)
check(all(job.workplace == models.Workplace.REMOTE and job.remote for job in remote.items), "workplace filter")
faceted = list_jobs.sync(client=client, facets=[models.ListJobsFacetsItem.LEVEL, models.ListJobsFacetsItem.WORKPLACE], limit=1)
check(faceted.facets is not None and faceted.facets.level, "facets=level,workplace")
for value in faceted.facets.level:
    filtered = list_jobs.sync(client=client, level=models.JobLevel(value.value), limit=1)
    check(filtered.total == value.count, f"facet level={value.value} counts {value.count}, the filter returns {filtered.total}")
newest = list_jobs.sync(client=client, sort=models.ListJobsSort.DATE_DESC, limit=100)
dates = [job.first_seen for job in newest.items if job.first_seen is not None]
check(dates == sorted(dates, reverse=True), "sort=date_desc")

# Compare, both spellings.
pair = [roles.items[0].id, roles.items[1].id]
compared = compare_roles.sync(client=client, roles=pair)
check(isinstance(compared, models.Compare) and [r.id for r in compared.roles] == pair, "GET /compare?roles=")
lettered = compare_roles.sync(client=client, a=pair[0], b=pair[1])
check(isinstance(lettered, models.Compare) and [r.id for r in lettered.roles] == pair, "GET /compare?a=&b=")

# Every job, page by page, following `next` (its query gives the next call's parameters) and
# checking the Link header says the same.
ids, offset, pages = [], 0, 0
while True:
    response = list_jobs.sync_detailed(client=client, limit=3, offset=offset)
    page = response.parsed
    check(isinstance(page, models.JobList), "a page of /jobs")
    ids += [job.id for job in page.items]
    link = response.headers.get("link")
    pages += 1
    if page.next_ is None:
        check(link is None, "Link on the last page")
        break
    check(link == f'<{page.next_}>; rel="next"', f"Link {link!r} is not next {page.next_!r}")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.next_).query)
    offset = int(query["offset"][0])
check(len(ids) == len(set(ids)) == index.counts.jobs, f"paging saw {len(ids)} jobs, {len(set(ids))} distinct, of {index.counts.jobs}")
job = get_job.sync(ids[0], client=client)
check(isinstance(job, models.Job) and job.id == ids[0], "GET /jobs/{id}")
# The generated operation parses its JSON media type only; the JSON-LD one is read with the
# client's own HTTP client and its generated model.
linked = client.get_httpx_client().get(f"/jobs/{ids[0]}", headers={"Accept": "application/ld+json"})
check(linked.status_code == 200 and linked.headers["content-type"].startswith("application/ld+json"), "GET /jobs/{id} as JSON-LD")
posting = models.JobPostingLD.from_dict(linked.json())
check(posting.title == job.title and posting.identifier.value == job.id, "the JSON-LD JobPosting")
if job.first_seen is not None:
    check(posting.date_posted == job.first_seen, "datePosted is first_seen")

# Problems, typed.
missing = get_role.sync_detailed("no-such-role", client=client)
check(missing.status_code == 404 and isinstance(missing.parsed, models.Problem), "404 is a Problem")
check(missing.parsed.status == 404 and missing.parsed.detail, "the problem's status and detail")
bad = list_jobs.sync_detailed(client=client, limit=1, q="x", salary_min=-1)
check(bad.status_code == 400 and isinstance(bad.parsed, models.Problem), "400 is a Problem")
check([p.name for p in bad.parsed.invalid_params] == ["salary_min"], "invalid_params names salary_min")

# Conditional requests: 304 is declared, so the client returns it instead of raising.
fresh = list_roles.sync_detailed(client=client)
tag, modified = fresh.headers["etag"], fresh.headers.get("last-modified")
check(list_roles.sync_detailed(client=client.with_headers({"If-None-Match": tag})).status_code == 304, "If-None-Match → 304")
if modified:
    check(list_roles.sync_detailed(client=client.with_headers({"If-Modified-Since": modified})).status_code == 304, "If-Modified-Since → 304")
check(list_roles.sync_detailed(client=client.with_headers({"If-Match": '"stale"'})).status_code == 412, "If-Match → 412")

print(f"check-client: the generated client passed {checks} checks against every operation ({len(ids)} jobs paged in {pages} pages)")

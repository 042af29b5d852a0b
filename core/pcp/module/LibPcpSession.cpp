// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/module/LibPcpSession.h"

#include <pcp/pmapi.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>

namespace pg {

namespace {

std::string pcpError(int status)
{
    char buffer[PM_MAXERRMSGLEN];
    return pmErrStr_r(status, buffer, sizeof buffer);
}

PcpValue extract(const pmValue& value, int valfmt, int type)
{
    pmAtomValue atom {};
    switch (type) {
    case PM_TYPE_32:
        if (pmExtractValue(valfmt, &value, type, &atom, PM_TYPE_32) >= 0)
            return static_cast<std::int64_t>(atom.l);
        break;
    case PM_TYPE_64:
        if (pmExtractValue(valfmt, &value, type, &atom, PM_TYPE_64) >= 0)
            return static_cast<std::int64_t>(atom.ll);
        break;
    case PM_TYPE_U32:
        if (pmExtractValue(valfmt, &value, type, &atom, PM_TYPE_U32) >= 0)
            return static_cast<std::uint64_t>(atom.ul);
        break;
    case PM_TYPE_U64:
        if (pmExtractValue(valfmt, &value, type, &atom, PM_TYPE_U64) >= 0)
            return static_cast<std::uint64_t>(atom.ull);
        break;
    case PM_TYPE_FLOAT:
    case PM_TYPE_DOUBLE:
        if (pmExtractValue(valfmt, &value, type, &atom, PM_TYPE_DOUBLE) >= 0)
            return atom.d;
        break;
    case PM_TYPE_STRING:
        if (pmExtractValue(valfmt, &value, type, &atom, PM_TYPE_STRING) >= 0) {
            std::string text = atom.cp ? atom.cp : "";
            std::free(atom.cp);
            return text;
        }
        break;
    default:
        break;
    }
    return std::monostate {};
}

// Every instance name of `indom` on the current context, by instance id (one round trip).
std::map<int, std::string> instanceNames(pmInDom indom)
{
    std::map<int, std::string> names;
    int* ids = nullptr;
    char** texts = nullptr;
    const int n = pmGetInDom(indom, &ids, &texts);
    for (int i = 0; i < n; ++i)
        names.emplace(ids[i], texts[i]);
    std::free(ids);
    std::free(texts); // one allocation holds the pointers and the strings (pmGetInDom(3))
    return names;
}

// A JSON string value as its text ("IO-APIC 2-edge timer" without the quotes, \" and \\ undone);
// a number or anything else as it is written.
std::string jsonText(std::string_view value)
{
    if (value.size() < 2 || value.front() != '"' || value.back() != '"')
        return std::string(value);
    value = value.substr(1, value.size() - 2);
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c == '\\' && i + 1 < value.size()) {
            c = value[++i];
            if (c == 'n')
                c = '\n';
            else if (c == 't')
                c = '\t';
        }
        out.push_back(c);
    }
    return out;
}

// The instance profile of one restricted fetch (pmAddProfile(3)): the indoms of the requests that
// name instances get exactly the union of those lists, every other indom stays whole. reset()
// puts every restricted indom back to all instances, so the next fetch on this context (the whole
// process table) is not restricted. An indom that one request asks for whole stays whole.
class InstanceProfile final
{
public:
    template <typename Request, typename Metric>
    InstanceProfile(const std::vector<Request>& requests, const std::vector<Metric>& metrics)
    {
        std::set<unsigned> whole;
        for (std::size_t i = 0; i < requests.size(); ++i) {
            const unsigned indom = metrics[i].indom;
            if (indom == PM_INDOM_NULL)
                continue;
            if (requests[i].instances.empty()) {
                whole.insert(indom);
                continue;
            }
            std::vector<int>& list = m_lists[indom];
            list.insert(list.end(), requests[i].instances.begin(), requests[i].instances.end());
        }
        for (unsigned indom : whole)
            m_lists.erase(indom);
        for (auto& [indom, list] : m_lists) {
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
            pmDelProfile(indom, 0, nullptr); // none of this indom ...
            pmAddProfile(indom, static_cast<int>(list.size()), list.data()); // ... but these
        }
        m_applied = m_lists;
    }
    InstanceProfile(const InstanceProfile&) = delete;
    InstanceProfile& operator=(const InstanceProfile&) = delete;
    ~InstanceProfile() { reset(); }

    // The instances the profile of `indom` lets through, or null when it is whole.
    const std::vector<int>* restricted(unsigned indom) const
    {
        const auto it = m_lists.find(indom);
        return it == m_lists.end() ? nullptr : &it->second;
    }

    void reset() const
    {
        for (const auto& [indom, list] : m_applied)
            pmAddProfile(indom, 0, nullptr); // every instance again
        m_applied.clear();
    }

private:
    std::map<unsigned, std::vector<int>> m_lists; // the profile asked for, by indom
    mutable std::map<unsigned, std::vector<int>> m_applied; // still to be put back
};

double seconds(const timeval& t)
{
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

} // namespace

LibPcpSession::LibPcpSession(int context, std::string spec, bool archive)
    : m_context(context)
    , m_spec(std::move(spec))
    , m_archive(archive)
{ }

LibPcpSession::~LibPcpSession()
{
    if (m_context >= 0)
        pmDestroyContext(m_context);
}

LibPcpSession* LibPcpSession::open(const std::string& spec, std::string* error)
{
    const int context = pmNewContext(PM_CONTEXT_HOST, spec.c_str());
    if (context < 0) {
        *error = "cannot connect to pmcd at " + spec + ": " + pcpError(context);
        if (context == PM_ERR_PERMISSION)
            *error += " (the access list in that host's /etc/pcp/pmcd/pmcd.conf does not allow "
                      "this one)";
        return nullptr;
    }
    return new LibPcpSession(context, spec, false);
}

LibPcpSession* LibPcpSession::openArchive(const std::string& path, std::string* error)
{
    const int context = pmNewContext(PM_CONTEXT_ARCHIVE, path.c_str());
    if (context < 0) {
        *error = "cannot read the PCP archive " + path + ": " + pcpError(context);
        return nullptr;
    }
    auto* session = new LibPcpSession(context, "archive " + path, true);
    pmLogLabel label {};
    timeval end {};
    int status = pmGetArchiveLabel(&label);
    if (status >= 0)
        status = pmGetArchiveEnd(&end);
    if (status < 0) {
        *error = "cannot read the PCP archive " + path + ": " + pcpError(status);
        delete session;
        return nullptr;
    }
    session->m_startSec = seconds(label.ll_start);
    session->m_endSec = seconds(end);
    return session;
}

std::string LibPcpSession::seekBack(double sec)
{
    if (!m_archive)
        return m_spec + " is a live host, not an archive";
    int status = pmUseContext(m_context);
    if (status >= 0) {
        // A hair past `sec`: a sample stamped exactly at `sec` (to the microsecond) is included.
        const double whole = std::floor(sec);
        timeval when {};
        when.tv_sec = static_cast<time_t>(whole);
        when.tv_usec = static_cast<suseconds_t>(std::lround((sec - whole) * 1e6)) + 1;
        if (when.tv_usec >= 1000000) {
            when.tv_sec += 1;
            when.tv_usec -= 1000000;
        }
        status = pmSetMode(PM_MODE_BACK, &when, 0);
    }
    return status < 0 ? "cannot seek in " + m_spec + ": " + pcpError(status) : std::string();
}

std::string LibPcpSession::lookUp(const std::string& name, Metric* out)
{
    if (auto it = m_metrics.find(name); it != m_metrics.end()) {
        *out = it->second;
        return {};
    }
    // A name the host lacks is not asked again every fetch (optional metrics would cost a round
    // trip each per tick); a pmcd that gains an agent is seen by the next session.
    if (auto it = m_missing.find(name); it != m_missing.end())
        return it->second;
    const char* names[] = { name.c_str() };
    pmID pmid = PM_ID_NULL;
    int status = pmLookupName(1, names, &pmid);
    if (status < 0 || pmid == PM_ID_NULL) {
        std::string error = "metric " + name + " is not available from " + m_spec + ": "
            + pcpError(status < 0 ? status : PM_ERR_NAME);
        if (status == PM_ERR_NAME || pmid == PM_ID_NULL)
            m_missing.emplace(name, error);
        return error;
    }
    pmDesc desc {};
    status = pmLookupDesc(pmid, &desc);
    if (status < 0)
        return "metric " + name + " on " + m_spec + " has no description: " + pcpError(status);
    const Metric metric { pmid, desc.type, desc.indom };
    m_metrics.emplace(name, metric);
    *out = metric;
    return {};
}

const std::map<int, std::string>& LibPcpSession::instanceLabels(
    unsigned indom, const std::string& label, const std::vector<int>& instances)
{
    LabelCache& cache = m_labels[{ indom, label }];
    const bool unseen = std::any_of(
        instances.begin(), instances.end(), [&cache](int i) { return !cache.seen.count(i); });
    if (!unseen)
        return cache.values;
    pmLabelSet* sets = nullptr;
    const int n = pmGetInstancesLabels(indom, &sets);
    for (int s = 0; s < n; ++s) {
        const pmLabelSet& set = sets[s];
        for (int k = 0; k < set.nlabels; ++k) {
            const pmLabel& l = set.labels[k];
            if (label != std::string_view(set.json + l.name, l.namelen))
                continue;
            cache.values[static_cast<int>(set.inst)]
                = jsonText(std::string_view(set.json + l.value, l.valuelen));
        }
    }
    if (n > 0)
        pmFreeLabelSets(sets, n);
    // Seen, with a label or not: a host or archive without the label is not asked every fetch.
    cache.seen.insert(instances.begin(), instances.end());
    return cache.values;
}

PcpFetchOutcome LibPcpSession::fetch(const std::vector<PcpMetricRequest>& allRequests)
{
    PcpFetchOutcome outcome;
    int status = pmUseContext(m_context);
    if (status < 0) {
        outcome.error = "lost the connection to pmcd at " + m_spec + ": " + pcpError(status);
        return outcome;
    }
    // An archive holds what its recorder chose (procglass record from /proc has no proc.io.*, a
    // pmlogger configuration may leave anything out): a metric it lacks is left out of the fetch,
    // as if the host had not sent it, instead of failing the whole table. So is an optional
    // metric a host lacks.
    std::vector<PcpMetricRequest> kept;
    const std::vector<PcpMetricRequest>* asked = &allRequests;
    const bool anyOptional = std::any_of(allRequests.begin(), allRequests.end(),
        [](const PcpMetricRequest& r) { return r.optional; });
    if (m_archive || anyOptional) {
        for (const PcpMetricRequest& r : allRequests) {
            Metric unused;
            if ((!m_archive && !r.optional) || lookUp(r.name, &unused).empty())
                kept.push_back(r);
        }
        asked = &kept;
    }
    const std::vector<PcpMetricRequest>& requests = *asked;
    std::vector<Metric> metrics(requests.size());
    std::vector<pmID> pmids(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        outcome.error = lookUp(requests[i].name, &metrics[i]);
        if (!outcome.error.empty())
            return outcome;
        pmids[i] = metrics[i].pmid;
    }
    if (pmids.empty()) {
        outcome.error = m_spec + " has none of the metrics this table needs";
        return outcome;
    }
    // Names first: an instance that appears between the two calls simply has no name.
    std::map<unsigned, std::map<int, std::string>> namesByIndom;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (requests[i].instanceNames && metrics[i].indom != PM_INDOM_NULL
            && !namesByIndom.count(metrics[i].indom))
            namesByIndom.emplace(metrics[i].indom, instanceNames(metrics[i].indom));
    }
    const InstanceProfile profile(requests, metrics);
    pmResult* result = nullptr;
    status = pmFetch(static_cast<int>(pmids.size()), pmids.data(), &result);
    profile.reset();
    if (status < 0) {
        outcome.error = (m_archive ? "cannot read from " : "cannot fetch from pmcd at ") + m_spec
            + ": " + pcpError(status);
        return outcome;
    }
    outcome.fetch.timestampSec = static_cast<double>(result->timestamp.tv_sec)
        + static_cast<double>(result->timestamp.tv_usec) / 1e6;
    outcome.fetch.metrics.resize(requests.size());
    for (std::size_t i = 0; i < requests.size() && static_cast<int>(i) < result->numpmid; ++i) {
        PcpMetricValues& out = outcome.fetch.metrics[i];
        out.name = requests[i].name;
        const pmValueSet* set = result->vset[i];
        if (set->numval < 0) {
            out.error = pcpError(set->numval);
            out.permissionDenied = set->numval == PM_ERR_PERMISSION;
            continue;
        }
        const auto names = namesByIndom.find(metrics[i].indom);
        const std::map<int, std::string>* labels = nullptr;
        if (!requests[i].instanceLabel.empty() && metrics[i].indom != PM_INDOM_NULL) {
            std::vector<int> instances;
            for (int k = 0; k < set->numval; ++k)
                instances.push_back(set->vlist[k].inst);
            labels = &instanceLabels(metrics[i].indom, requests[i].instanceLabel, instances);
        }
        // The profile is the union of the lists of one indom: a request whose list is not the
        // whole union keeps only its own instances. So does every request on an archive, which
        // need not honour a profile. Otherwise pmcd sent exactly what was asked (the tests rely
        // on seeing that).
        const std::vector<int>& wanted = requests[i].instances;
        const std::vector<int>* profiled = profile.restricted(metrics[i].indom);
        const bool filter
            = !wanted.empty() && (m_archive || !profiled || profiled->size() != wanted.size());
        out.values.reserve(static_cast<std::size_t>(set->numval));
        for (int k = 0; k < set->numval; ++k) {
            if (filter
                && std::find(wanted.begin(), wanted.end(), set->vlist[k].inst) == wanted.end())
                continue;
            PcpInstanceValue v;
            v.instance = set->vlist[k].inst;
            v.value = extract(set->vlist[k], set->valfmt, metrics[i].type);
            if (names != namesByIndom.end()) {
                if (auto n = names->second.find(v.instance); n != names->second.end())
                    v.instanceName = n->second;
            }
            if (labels) {
                if (auto l = labels->find(v.instance); l != labels->end())
                    v.label = l->second;
            }
            out.values.push_back(std::move(v));
        }
    }
    pmFreeResult(result);
    return outcome;
}

} // namespace pg

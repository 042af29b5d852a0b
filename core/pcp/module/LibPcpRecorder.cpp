// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pcp/module/LibPcpRecorder.h"

#include "core/pcp/PcpMetricCatalog.h"

#include <pcp/pmapi.h>
// import.h after pmapi.h
#include <pcp/import.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace pg {

static_assert(static_cast<int>(PcpType::I32) == PM_TYPE_32);
static_assert(static_cast<int>(PcpType::U32) == PM_TYPE_U32);
static_assert(static_cast<int>(PcpType::I64) == PM_TYPE_64);
static_assert(static_cast<int>(PcpType::U64) == PM_TYPE_U64);
static_assert(static_cast<int>(PcpType::Float) == PM_TYPE_FLOAT);
static_assert(static_cast<int>(PcpType::Double) == PM_TYPE_DOUBLE);
static_assert(static_cast<int>(PcpType::String) == PM_TYPE_STRING);
static_assert(static_cast<int>(PcpSemantics::Counter) == PM_SEM_COUNTER);
static_assert(static_cast<int>(PcpSemantics::Instant) == PM_SEM_INSTANT);
static_assert(static_cast<int>(PcpSemantics::Discrete) == PM_SEM_DISCRETE);

namespace {

std::string importError(int status)
{
    return pmiErrStr(status);
}

pmUnits unitsOf(PcpUnits u)
{
    switch (u) {
    case PcpUnits::None:
        return pmiUnits(0, 0, 0, 0, 0, 0);
    case PcpUnits::Count:
        return pmiUnits(0, 0, 1, 0, 0, PM_COUNT_ONE);
    case PcpUnits::Byte:
        return pmiUnits(1, 0, 0, PM_SPACE_BYTE, 0, 0);
    case PcpUnits::Kbyte:
        return pmiUnits(1, 0, 0, PM_SPACE_KBYTE, 0, 0);
    case PcpUnits::Millisec:
        return pmiUnits(0, 1, 0, 0, PM_TIME_MSEC, 0);
    case PcpUnits::Sec:
        return pmiUnits(0, 1, 0, 0, PM_TIME_SEC, 0);
    }
    return pmiUnits(0, 0, 0, 0, 0, 0);
}

pmInDom indomOf(PcpInDomId id)
{
    return id.null() ? PM_INDOM_NULL : pmiInDom(id.domain, id.serial);
}

// Storage for one pmResult: the value sets and the out-of-line value blocks (64-bit numbers,
// doubles, strings), freed together.
class ResultBuilder
{
public:
    ~ResultBuilder()
    {
        for (void* p : m_blocks)
            std::free(p);
    }

    // Fills `out` with `value` as `type`; false when the value does not fit the type.
    bool encode(const PcpValue& value, PcpType type, pmValue* out, int* valfmt)
    {
        switch (type) {
        case PcpType::I32:
        case PcpType::U32: {
            const auto n = pcpNumber(value);
            if (!n)
                return false;
            // A U32 counter wraps as the kernel's does; PCP's rate conversion expects it.
            out->value.lval = type == PcpType::I32
                ? static_cast<std::int32_t>(static_cast<std::int64_t>(*n))
                : static_cast<std::int32_t>(static_cast<std::uint32_t>(
                    pcpUnsigned(value).value_or(static_cast<std::uint64_t>(std::max(0.0, *n)))));
            *valfmt = std::max(*valfmt, PM_VAL_INSITU);
            return true;
        }
        case PcpType::I64: {
            const auto n = pcpSigned(value);
            return n && block(&*n, sizeof *n, type, out, valfmt);
        }
        case PcpType::U64: {
            const auto n = pcpUnsigned(value);
            return n && block(&*n, sizeof *n, type, out, valfmt);
        }
        case PcpType::Float: {
            const auto n = pcpNumber(value);
            const float f = n ? static_cast<float>(*n) : 0.0f;
            return n && block(&f, sizeof f, type, out, valfmt);
        }
        case PcpType::Double: {
            const auto n = pcpNumber(value);
            return n && block(&*n, sizeof *n, type, out, valfmt);
        }
        case PcpType::String: {
            const std::string* s = std::get_if<std::string>(&value);
            return s && block(s->c_str(), s->size() + 1, type, out, valfmt);
        }
        }
        return false;
    }

private:
    bool block(const void* data, std::size_t size, PcpType type, pmValue* out, int* valfmt)
    {
        // A value block's length is a 24-bit field: a longer value cannot be stored.
        constexpr std::size_t kMaxBlock = (std::size_t(1) << 24) - 1;
        if (size > kMaxBlock - PM_VAL_HDR_SIZE)
            return false;
        auto* vb = static_cast<pmValueBlock*>(std::calloc(1, PM_VAL_HDR_SIZE + size + 8));
        if (!vb)
            return false;
        m_blocks.push_back(vb);
        vb->vlen = static_cast<unsigned>(PM_VAL_HDR_SIZE + size) & 0xFFFFFFu;
        vb->vtype = static_cast<unsigned char>(type);
        std::memcpy(vb->vbuf, data, size);
        out->value.pval = vb;
        *valfmt = PM_VAL_DPTR;
        return true;
    }

    std::vector<void*> m_blocks;
};

} // namespace

LibPcpRecorder::LibPcpRecorder(int context, std::string path)
    : m_context(context)
    , m_path(std::move(path))
{ }

LibPcpRecorder::~LibPcpRecorder()
{
    if (!m_finished)
        (void)finish();
}

LibPcpRecorder* LibPcpRecorder::start(
    const std::string& path, const std::string& hostname, std::string* error)
{
    const int context = pmiStart(path.c_str(), 0);
    if (context < 0) {
        *error = "cannot start the archive " + path + ": " + importError(context);
        return nullptr;
    }
    std::unique_ptr<LibPcpRecorder> recorder(new LibPcpRecorder(context, path));
    // Version 2, whatever the default becomes: libpcp 6.0.3 crashes reading v3 archives in
    // interpolated mode (pmrep, pmchart).
    int status = pmiSetVersion(2);
    if (status >= 0 && !hostname.empty())
        status = pmiSetHostname(hostname.c_str());
    if (status >= 0) {
        // The recording host's zone as TZ says it; UTC when unset (the archive needs one).
        const char* tz = std::getenv("TZ");
        status = pmiSetTimezone(tz && *tz ? tz : "UTC");
    }
    for (const PcpMetricDesc& m : pcpMetricCatalog()) {
        if (status < 0)
            break;
        const std::string name(m.name);
        status = pmiAddMetric(name.c_str(), pmiID(m.id.domain, m.id.cluster, m.id.item),
            static_cast<int>(m.type), indomOf(m.indom), static_cast<int>(m.semantics),
            unitsOf(m.units));
    }
    if (status < 0) {
        *error = "cannot describe the archive " + path + ": " + importError(status);
        recorder->m_finished = true; // nothing written: pmiEnd would create empty files
        return nullptr;
    }
    return recorder.release();
}

std::string LibPcpRecorder::addInstances(const PcpFetch& sample)
{
    for (const PcpMetricValues& m : sample.metrics) {
        const PcpMetricDesc* desc = findPcpMetric(m.name);
        if (!desc || desc->indom.null())
            continue;
        const pmInDom indom = indomOf(desc->indom);
        for (const PcpInstanceValue& v : m.values) {
            if (v.instance < 0 || v.instanceName.empty()
                || !m_instances.emplace(indom, v.instance).second)
                continue;
            const int status = pmiAddInstance(indom, v.instanceName.c_str(), v.instance);
            // A reused pid under a new comm keeps its first name (PMI_ERR_DUPINSTNAME, ...): the
            // values still go under the pid.
            if (status < 0 && status != PMI_ERR_DUPINSTNAME && status != PMI_ERR_DUPINSTID)
                return "cannot add instance " + v.instanceName + " to the archive " + m_path + ": "
                    + importError(status);
        }
    }
    return {};
}

std::string LibPcpRecorder::write(const PcpFetch& sample)
{
    if (m_finished)
        return "the archive " + m_path + " is already finished";
    int status = pmiUseContext(m_context);
    if (status < 0)
        return "lost the archive " + m_path + ": " + importError(status);
    if (std::string problem = addInstances(sample); !problem.empty())
        return problem;
    ResultBuilder builder;
    std::vector<const PcpMetricValues*> metrics;
    std::vector<const PcpMetricDesc*> descs;
    for (const PcpMetricValues& m : sample.metrics) {
        const PcpMetricDesc* desc = findPcpMetric(m.name);
        if (desc && !m.values.empty()) {
            metrics.push_back(&m);
            descs.push_back(desc);
        }
    }
    if (metrics.empty())
        return {};
    const std::size_t n = metrics.size();
    auto* result
        = static_cast<pmResult*>(std::calloc(1, sizeof(pmResult) + n * sizeof(pmValueSet*)));
    std::vector<std::unique_ptr<pmValueSet, decltype(&std::free)>> sets;
    sets.reserve(n);
    const double whole = std::floor(sample.timestampSec);
    result->timestamp.tv_sec = static_cast<time_t>(whole);
    result->timestamp.tv_usec = static_cast<suseconds_t>(
        std::min(999999L, std::lround((sample.timestampSec - whole) * 1e6)));
    int numpmid = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const PcpMetricValues& m = *metrics[i];
        auto* set = static_cast<pmValueSet*>(
            std::calloc(1, sizeof(pmValueSet) + m.values.size() * sizeof(pmValue)));
        sets.emplace_back(set, &std::free);
        set->pmid = pmiID(descs[i]->id.domain, descs[i]->id.cluster, descs[i]->id.item);
        set->valfmt = PM_VAL_INSITU;
        int k = 0;
        for (const PcpInstanceValue& v : m.values) {
            pmValue& out = set->vlist[k];
            out.inst = descs[i]->indom.null() ? PM_IN_NULL : v.instance;
            if (!descs[i]->indom.null()
                && !m_instances.count({ indomOf(descs[i]->indom), v.instance }))
                continue; // an instance without a name cannot go into the archive
            if (builder.encode(v.value, descs[i]->type, &out, &set->valfmt))
                ++k;
            if (descs[i]->indom.null())
                break;
        }
        set->numval = k;
        if (k > 0)
            result->vset[numpmid++] = set;
    }
    result->numpmid = numpmid;
    status = numpmid > 0 ? pmiPutResult(result) : 0;
    std::free(result);
    if (status < 0)
        return "cannot write to the archive " + m_path + ": " + importError(status);
    return {};
}

std::string LibPcpRecorder::finish()
{
    if (m_finished)
        return {};
    m_finished = true;
    int status = pmiUseContext(m_context);
    if (status >= 0)
        status = pmiEnd();
    return status < 0 ? "cannot finish the archive " + m_path + ": " + importError(status)
                      : std::string();
}

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One metric's values by instance id, for the mapping code: looks a pid's value up in O(1).

#include "core/pcp/PcpFetch.h"

#include <unordered_map>

namespace pg {

class PcpValueIndex final
{
public:
    PcpValueIndex() = default;
    explicit PcpValueIndex(const PcpMetricValues* metric)
        : m_metric(metric)
    {
        if (!metric)
            return;
        m_byInstance.reserve(metric->values.size());
        for (const PcpInstanceValue& v : metric->values)
            m_byInstance.emplace(v.instance, &v.value);
    }
    // Null when the instance has no value (pmdaproc leaves out what it could not read).
    const PcpValue* at(int instance) const
    {
        const auto it = m_byInstance.find(instance);
        return it == m_byInstance.end() ? nullptr : it->second;
    }
    std::optional<std::uint64_t> u64(int instance) const
    {
        const PcpValue* v = at(instance);
        return v ? pcpUnsigned(*v) : std::nullopt;
    }
    std::optional<std::int64_t> i64(int instance) const
    {
        const PcpValue* v = at(instance);
        return v ? pcpSigned(*v) : std::nullopt;
    }
    const std::string* text(int instance) const
    {
        const PcpValue* v = at(instance);
        return v ? std::get_if<std::string>(v) : nullptr;
    }
    const PcpMetricValues* metric() const { return m_metric; }

private:
    const PcpMetricValues* m_metric = nullptr;
    std::unordered_map<int, const PcpValue*> m_byInstance;
};

// The single value of a metric without instances (PM_IN_NULL), or null.
// How messages name where values came from: "pmcd at HOST" for a host, the recording's own name
// ("archive /path/rec", as the archive feeds call themselves) for a recording.
inline std::string pcpSourceName(const std::string& host)
{
    return host.starts_with("archive ") ? host : "pmcd at " + host;
}

inline const PcpValue* pcpSingle(const PcpFetch& fetch, std::string_view name)
{
    const PcpMetricValues* m = fetch.find(name);
    return m && !m->values.empty() ? &m->values.front().value : nullptr;
}

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What one pmFetch(3) gave, as plain values: the mapping code (PcpProcesses, PcpInterrupts,
// PcpSystem) is a pure function of this, testable without a pmcd. Filled by the libpcp module
// (module/LibPcpSession), which also crosses the dlopen boundary with these types (the module and
// procglass are built together, by the same compiler, from the same headers).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pg {

// One value of one instance: PM_TYPE_32/64 as int64, U32/U64 as uint64, FLOAT/DOUBLE as double,
// STRING as string; monostate for a type Procglass does not read (aggregates, events).
using PcpValue = std::variant<std::monostate, std::int64_t, std::uint64_t, double, std::string>;

struct PcpInstanceValue
{
    int instance = -1; // PM_IN_NULL (-1) for a metric without instances; a pid for proc.*
    std::string instanceName; // only when the request asked for names ("24::cpu0"), else empty
    PcpValue value;
    // The value of the instance label the request named (irqtext: "IO-APIC 2-edge timer"), as
    // text; empty when not asked, or the host (a v2 archive) has no such label.
    std::string label = {};
};

struct PcpMetricValues
{
    std::string name; // "proc.psinfo.cmd"
    // pmcd's status for this metric when it gave no values (numval < 0): pmErrStr's text.
    std::string error;
    bool permissionDenied = false; // PM_ERR_PERMISSION: per-process metrics over TCP without auth
    std::vector<PcpInstanceValue> values;
};

struct PcpFetch
{
    double timestampSec = 0; // pmResult's timestamp (the host's clock), seconds since the epoch
    std::vector<PcpMetricValues> metrics; // in the order asked

    const PcpMetricValues* find(std::string_view name) const
    {
        for (const PcpMetricValues& m : metrics) {
            if (m.name == name)
                return &m;
        }
        return nullptr;
    }
};

struct PcpMetricRequest
{
    std::string name;
    bool instanceNames = false; // look the instance names up (pmNameInDom); proc.* never needs it
    // Non-empty: each instance's label of this name (pmGetInstancesLabels), fetched once per
    // session and again only when an instance appears that has none yet.
    std::string instanceLabel = {};
    // Non-empty: only these instances (pids for proc.*): the module sets an instance profile on
    // the metric's indom for this one pmFetch (pmdaproc then reads these processes only) and puts
    // the profile back to every instance after it, so a later whole-table fetch gets every pid.
    // Requests of one indom with different lists share the union and each keeps its own list.
    std::vector<int> instances = {};
    // True: a metric the host does not have (an older pmdaproc, an archive) is left out of the
    // fetch instead of failing it; the mapping says which metric the host lacks.
    bool optional = false;
};

// A value as a number: nullopt for strings and monostate.
inline std::optional<double> pcpNumber(const PcpValue& v)
{
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    if (const auto* u = std::get_if<std::uint64_t>(&v))
        return static_cast<double>(*u);
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    return std::nullopt;
}

// A value as an unsigned integer: nullopt for negatives, non-integers and text.
inline std::optional<std::uint64_t> pcpUnsigned(const PcpValue& v)
{
    if (const auto* u = std::get_if<std::uint64_t>(&v))
        return *u;
    if (const auto* i = std::get_if<std::int64_t>(&v); i && *i >= 0)
        return static_cast<std::uint64_t>(*i);
    return std::nullopt;
}

inline std::optional<std::int64_t> pcpSigned(const PcpValue& v)
{
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return *i;
    if (const auto* u = std::get_if<std::uint64_t>(&v);
        u && *u <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(*u);
    return std::nullopt;
}

} // namespace pg

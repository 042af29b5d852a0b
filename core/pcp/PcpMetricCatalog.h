// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The descriptors of the PCP metrics Procglass records (procglass record): the same PMIDs, types,
// instance domains, semantics and units as pmdalinux (domain 60) and pmdaproc (domain 3) give them
// on PCP 6.0.3 (`pminfo -md` against a pmcd with those agents), so that pmrep, pmchart and
// Procglass's own replay read a recording exactly like a pmlogger archive of the same metrics.
// Plain data, no libpcp: the module (module/LibPcpRecorder) turns it into pmiAddMetric calls.

#include <string_view>
#include <vector>

namespace pg {

// The values are libpcp's (pmapi.h), checked by static_assert in the module.
enum class PcpType { I32 = 0, U32 = 1, I64 = 2, U64 = 3, Float = 4, Double = 5, String = 6 };
enum class PcpSemantics { Counter = 1, Instant = 3, Discrete = 4 };
enum class PcpUnits { None, Count, Byte, Kbyte, Millisec, Sec };

struct PcpId
{
    int domain = 0;
    int cluster = 0;
    int item = 0;
};

struct PcpInDomId
{
    int domain = -1; // -1: PM_INDOM_NULL (a metric with one value)
    int serial = 0;
    bool null() const { return domain < 0; }
    bool operator==(const PcpInDomId&) const = default;
};

inline constexpr PcpInDomId kNoInDom {};
inline constexpr PcpInDomId kProcInDom { 3, 9 }; // pmdaproc's processes: instance = pid
inline constexpr PcpInDomId kCpuInDom { 60, 0 }; // pmdalinux's CPUs: "cpu0" = 0
inline constexpr PcpInDomId kLoadInDom { 60, 2 }; // "1 minute" = 1, "5 minute" = 5, ...
inline constexpr PcpInDomId kInterruptsInDom { 60, 40 }; // "24::cpu0", "NMI::cpu1"
inline constexpr PcpInDomId kSoftirqsInDom { 60, 41 }; // "NET_RX::cpu0"
inline constexpr PcpInDomId kDiskInDom { 60, 1 }; // whole disks: "vda", "nvme0n1"
inline constexpr PcpInDomId kNetInDom { 60, 3 }; // network interfaces: "lo", "eth0"

struct PcpMetricDesc
{
    std::string_view name;
    PcpId id;
    PcpType type;
    PcpInDomId indom;
    PcpSemantics semantics;
    PcpUnits units;
};

// Every metric Procglass knows how to record, in a fixed order.
const std::vector<PcpMetricDesc>& pcpMetricCatalog();

// Null for a metric the catalog does not have.
const PcpMetricDesc* findPcpMetric(std::string_view name);

} // namespace pg

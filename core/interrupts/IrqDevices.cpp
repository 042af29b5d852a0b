// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/IrqDevices.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

namespace pg {

namespace {

int kindRank(const std::string& kind)
{
    static const char* const kOrder[] = { "net", "block", "nvme", "gpu", "virtio", "pci" };
    for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i) {
        if (kind == kOrder[i])
            return i;
    }
    return static_cast<int>(std::size(kOrder));
}

// "eth2" < "eth10": runs of digits compare by value.
bool naturalLess(std::string_view a, std::string_view b)
{
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool da = a[i] >= '0' && a[i] <= '9';
        const bool db = b[j] >= '0' && b[j] <= '9';
        if (da && db) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && a[ei] >= '0' && a[ei] <= '9')
                ++ei;
            while (ej < b.size() && b[ej] >= '0' && b[ej] <= '9')
                ++ej;
            std::string_view na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
            while (na.size() > 1 && na.front() == '0')
                na.remove_prefix(1);
            while (nb.size() > 1 && nb.front() == '0')
                nb.remove_prefix(1);
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (na != nb)
                return na < nb;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

} // namespace

std::vector<IrqDevice> irqDevices(const IrqTopology& topology)
{
    std::map<std::pair<std::string, std::string>, std::vector<int>> byDevice; // (kind, name)
    for (const auto& [irq, info] : topology.irqs) {
        const IrqAttachment& a = info.attached;
        if (!a.known())
            continue;
        if (a.kind == "net") {
            // "eth0, eth1": a line shared by two interfaces.
            std::string_view rest = a.device;
            while (!rest.empty()) {
                const std::size_t comma = rest.find(", ");
                const std::string_view one = rest.substr(0, comma);
                if (!one.empty())
                    byDevice[{ a.kind, std::string(one) }].push_back(irq);
                rest
                    = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
            }
        } else {
            byDevice[{ a.kind, a.device }].push_back(irq);
        }
    }
    std::vector<IrqDevice> out;
    out.reserve(byDevice.size());
    for (auto& [key, irqs] : byDevice) {
        std::sort(irqs.begin(), irqs.end());
        irqs.erase(std::unique(irqs.begin(), irqs.end()), irqs.end());
        out.push_back({ key.second, key.first, std::move(irqs) });
    }
    std::sort(out.begin(), out.end(), [](const IrqDevice& a, const IrqDevice& b) {
        const int ra = kindRank(a.kind), rb = kindRank(b.kind);
        if (ra != rb)
            return ra < rb;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return naturalLess(a.name, b.name);
    });
    return out;
}

std::string irqDeviceKindText(const std::string& kind)
{
    if (kind == "net")
        return "network interface";
    if (kind == "block")
        return "disk";
    if (kind == "nvme")
        return "NVMe controller";
    if (kind == "gpu")
        return "GPU";
    if (kind == "virtio")
        return "virtio device";
    if (kind == "pci")
        return "PCI device";
    if (kind == "tty")
        return "serial port";
    if (kind == "rtc")
        return "real-time clock";
    return "driver";
}

} // namespace pg

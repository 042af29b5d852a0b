// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/NetQueues.h"

#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"

#include <algorithm>
#include <dirent.h>

namespace pg {

namespace {

// "rx-10" after "rx-9": by the number, not the text.
int queueNumber(const std::string& name)
{
    int n = -1;
    const std::size_t dash = name.find('-');
    if (dash == std::string::npos || !parse::toInt(std::string_view(name).substr(dash + 1), n))
        return -1;
    return n;
}

} // namespace

NetDeviceQueues readNetDeviceQueues(
    const std::string& sysRoot, const std::string& iface, const IrqTopology& topology)
{
    NetDeviceQueues out;
    out.iface = iface;
    for (const auto& [irq, info] : topology.irqs) {
        const std::string& d = info.attached.device;
        if (info.attached.kind == "net" && (d == iface || d.starts_with(iface + ", ")))
            out.irqs.push_back(irq);
    }
    if (iface.empty() || iface.find('/') != std::string::npos || iface == "." || iface == "..")
        return out;
    const std::string dir = sysRoot + "/class/net/" + iface + "/queues";
    std::vector<std::string> names;
    if (DIR* d = openFolderStream(dir.c_str())) {
        while (const dirent* e = ::readdir(d)) {
            const std::string name = e->d_name;
            if ((name.starts_with("rx-") || name.starts_with("tx-")) && queueNumber(name) >= 0)
                names.push_back(name);
        }
        ::closedir(d);
    }
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
        return std::pair(a[0], queueNumber(a)) < std::pair(b[0], queueNumber(b));
    });
    for (const std::string& name : names) {
        const bool rx = name[0] == 'r';
        QueueMask m;
        m.queue = name;
        Result<std::string> text
            = readWholeFile(dir + "/" + name + (rx ? "/rps_cpus" : "/xps_cpus"), 4096);
        if (!text) {
            m.error = text.error();
        } else if (Result<std::vector<int>> cpus = parseCpuMask(*text)) {
            m.known = true;
            m.cpus = std::move(cpus).value();
        } else {
            m.error = cpus.error();
        }
        (rx ? out.rps : out.xps).push_back(std::move(m));
    }
    return out;
}

} // namespace pg

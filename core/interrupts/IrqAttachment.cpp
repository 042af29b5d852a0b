// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/IrqAttachment.h"

#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <sys/stat.h>

namespace pg {

namespace {

// A PCI device sits a few levels below /sys/devices; a longer walk means a link loop or a tree
// that is not /sys.
constexpr int kMaxWalkUp = 12;
// Entries read from one /sys folder: /sys/class/net on a container host can hold thousands.
constexpr std::size_t kMaxEntries = 65536;

std::vector<std::string> listFolder(const std::string& path)
{
    std::vector<std::string> names;
    DIR* dir = openFolderStream(path.c_str());
    if (!dir)
        return names;
    while (const dirent* e = ::readdir(dir)) {
        const std::string_view name = e->d_name;
        if (name == "." || name == "..")
            continue;
        names.emplace_back(name);
        if (names.size() >= kMaxEntries)
            break;
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

bool exists(const std::string& path)
{
    struct stat st
    {
    };
    return ::lstat(path.c_str(), &st) == 0;
}

std::string baseName(std::string_view path)
{
    while (!path.empty() && path.back() == '/')
        path.remove_suffix(1);
    const std::size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string linkBaseName(const std::string& path)
{
    Result<std::string> target = readLink(path);
    return target ? baseName(*target) : std::string();
}

std::string realPath(const std::string& path)
{
    char buffer[PATH_MAX];
    return ::realpath(path.c_str(), buffer) ? std::string(buffer) : std::string();
}

// A name usable as one path component: an action name is whatever a driver passed to
// request_irq() (and whatever a fake tree holds), so "../x" must not walk out of the root.
bool isComponent(std::string_view name)
{
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool isNumbered(std::string_view name, std::string_view prefix)
{
    if (!startsWith(name, prefix) || name.size() == prefix.size())
        return false;
    return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(prefix.size()), name.end(),
        [](char c) { return c >= '0' && c <= '9'; });
}

struct Served
{
    std::string kind;
    std::string name;
};

struct Function
{
    std::string address;
    std::string driver;
    std::vector<Served> served;
    std::string virtioName; // "virtio2": its action names start "virtio2-"
    std::string nvmeController; // "nvme0": its action names are "nvme0qN"
};

class Walker
{
public:
    explicit Walker(std::string sysRoot)
        : m_root(std::move(sysRoot))
        , m_devices(realPath(m_root + "/devices"))
    { }

    // Follows `link` (a class device's "device" link) up to its PCI function and records that the
    // function serves `name`.
    void serve(const std::string& link, const std::string& kind, const std::string& name)
    {
        std::string path = realPath(link);
        if (path.empty() || m_devices.empty())
            return;
        std::string virtio;
        std::string nvme;
        for (int depth = 0; depth < kMaxWalkUp; ++depth) {
            if (path.size() <= m_devices.size() || !startsWith(path, m_devices + "/"))
                return; // left /sys/devices: not on a PCI bus (a platform or virtual device)
            const std::string base = baseName(path);
            if (isNumbered(base, "virtio"))
                virtio = base;
            if (isNumbered(base, "nvme"))
                nvme = base;
            if (linkBaseName(path + "/subsystem") == "pci") {
                Function& f = function(path);
                if (!virtio.empty())
                    f.virtioName = virtio;
                if (!nvme.empty())
                    f.nvmeController = nvme;
                for (const Served& s : f.served) {
                    if (s.name == name)
                        return;
                }
                f.served.push_back({ kind, name });
                return;
            }
            path.resize(path.rfind('/'));
        }
    }

    Function& function(const std::string& path)
    {
        Function& f = m_functions[path];
        if (f.address.empty()) {
            f.address = baseName(path);
            f.driver = linkBaseName(path + "/driver");
        }
        return f;
    }

    std::map<std::string, Function>& functions() { return m_functions; }
    const std::string& root() const { return m_root; }

private:
    std::string m_root;
    std::string m_devices;
    std::map<std::string, Function> m_functions;
};

std::vector<int> functionIrqs(const std::string& path,
    const std::map<int, std::vector<std::string>>& allActions, const Function& f)
{
    std::vector<int> irqs;
    for (const std::string& name : listFolder(path + "/msi_irqs")) {
        int irq = -1;
        if (parse::toInt(name, irq) && irq >= 0)
            irqs.push_back(irq);
    }
    if (!irqs.empty())
        return irqs;
    // No MSI: the legacy INTx line in "irq". It may be shared with other devices, so it counts
    // only when one of its actions names this function's driver or a device it serves.
    Result<std::string> text = readWholeFile(path + "/irq", 64);
    int irq = -1;
    if (!text || !parse::toInt(parse::trim(*text), irq) || irq <= 0)
        return irqs;
    const auto it = allActions.find(irq);
    if (it == allActions.end())
        return irqs;
    for (const std::string& a : it->second) {
        bool match = !f.driver.empty() && a == f.driver;
        for (const Served& s : f.served)
            match = match || a == s.name;
        if (match) {
            irqs.push_back(irq);
            break;
        }
    }
    return irqs;
}

} // namespace

std::string IrqAttachment::text() const
{
    return queue.empty() ? device : device + " " + queue;
}

std::string queueFromAction(std::string_view action, std::string_view device,
    std::string_view virtioName, std::string_view nvmeController)
{
    if (!nvmeController.empty() && startsWith(action, nvmeController)) {
        const std::string_view rest = action.substr(nvmeController.size());
        if (isNumbered(rest, "q"))
            return rest == "q0" ? std::string("admin") : std::string(rest);
    }
    if (!virtioName.empty() && startsWith(action, std::string(virtioName) + "-"))
        return std::string(action.substr(virtioName.size() + 1));
    if (!device.empty()) {
        const std::string prefix = std::string(device) + "-";
        const std::size_t at = action.find(prefix);
        if (at != std::string_view::npos)
            return std::string(action.substr(at + prefix.size()));
    }
    return {};
}

IrqAttachments readIrqAttachments(
    const std::string& sysRoot, const std::map<int, std::vector<std::string>>& actions)
{
    IrqAttachments out;
    if (sysRoot.empty()) {
        for (const auto& [irq, names] : actions)
            out.unattachedReason[irq]
                = "no /sys tree to read (the /proc tree is not the live one; pass --sys-root)";
        return out;
    }
    Walker w(sysRoot);
    for (const std::string& iface : listFolder(sysRoot + "/class/net"))
        w.serve(sysRoot + "/class/net/" + iface + "/device", "net", iface);
    for (const std::string& disk : listFolder(sysRoot + "/block")) {
        const bool nvme = isNumbered(disk.substr(0, disk.find('n', 4)), "nvme");
        w.serve(sysRoot + "/block/" + disk + "/device", nvme ? "nvme" : "block", disk);
    }
    for (const std::string& ctrl : listFolder(sysRoot + "/class/nvme"))
        w.serve(sysRoot + "/class/nvme/" + ctrl + "/device", "nvme", ctrl);
    for (const std::string& card : listFolder(sysRoot + "/class/drm")) {
        if (isNumbered(card, "card")) // not the connectors (card0-HDMI-A-1)
            w.serve(sysRoot + "/class/drm/" + card + "/device", "gpu", card);
    }
    // Every PCI function, also those no class names (a vsock or balloon virtio device, a USB
    // controller): the bus lists them all.
    for (const std::string& addr : listFolder(sysRoot + "/bus/pci/devices")) {
        const std::string path = realPath(sysRoot + "/bus/pci/devices/" + addr);
        if (!path.empty())
            w.function(path);
    }

    for (auto& [path, f] : w.functions()) {
        // An NVMe controller found through its disk is named by the disk alone ("nvme0n1"); the
        // controller's own entry adds nothing then.
        const bool hasNamespace = std::any_of(f.served.begin(), f.served.end(),
            [](const Served& s) { return s.kind == "nvme" && s.name.find('n', 4) != s.name.npos; });
        if (hasNamespace)
            std::erase_if(f.served, [](const Served& s) {
                return s.kind == "nvme" && s.name.find('n', 4) == s.name.npos;
            });
        if (f.served.empty()) {
            for (const std::string& child : listFolder(path)) {
                if (isNumbered(child, "virtio")) {
                    f.virtioName = child;
                    const std::string driver = linkBaseName(path + "/" + child + "/driver");
                    f.served.push_back({ "virtio", driver.empty() ? child : child + " " + driver });
                    break;
                }
            }
        }
        IrqAttachment base;
        base.pciAddress = f.address;
        base.driver = f.driver;
        if (f.served.empty()) {
            base.kind = "pci";
            base.device = f.driver.empty() ? f.address : f.address + " " + f.driver;
        } else {
            base.kind = f.served.front().kind;
            for (const Served& s : f.served)
                base.device += (base.device.empty() ? "" : ", ") + s.name;
        }
        const std::string firstName = f.served.empty() ? std::string() : f.served.front().name;
        for (int irq : functionIrqs(path, actions, f)) {
            IrqAttachment a = base;
            if (const auto it = actions.find(irq); it != actions.end()) {
                for (const std::string& action : it->second) {
                    a.queue = queueFromAction(action, firstName, f.virtioName, f.nvmeController);
                    if (!a.queue.empty())
                        break;
                }
            }
            out.byIrq[irq] = std::move(a);
        }
    }

    // Legacy and platform IRQs: the action name is the device's or the driver's name.
    static const std::pair<const char*, const char*> kByName[] = {
        { "/class/net/", "net" },
        { "/block/", "block" },
        { "/class/tty/", "tty" },
        { "/class/rtc/", "rtc" },
        { "/bus/platform/drivers/", "driver" },
        { "/bus/pnp/drivers/", "driver" },
        { "/bus/acpi/drivers/", "driver" },
        { "/bus/pci/drivers/", "driver" },
        { "/bus/serio/drivers/", "driver" },
        { "/bus/i2c/drivers/", "driver" },
    };
    for (const auto& [irq, names] : actions) {
        if (out.byIrq.count(irq))
            continue;
        bool found = false;
        for (const std::string& action : names) {
            if (!isComponent(action))
                continue;
            for (const auto& [folder, kind] : kByName) {
                if (exists(sysRoot + folder + action)) {
                    IrqAttachment a;
                    a.device = action;
                    a.kind = kind;
                    out.byIrq[irq] = std::move(a);
                    found = true;
                    break;
                }
            }
            if (found)
                break;
        }
        if (!found)
            out.unattachedReason[irq] = names.empty()
                ? "no driver has requested it (no action name)"
                : "no PCI function lists it in msi_irqs/ and no device or driver in /sys is "
                  "named like its action";
    }
    return out;
}

} // namespace pg

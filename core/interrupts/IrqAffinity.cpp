#include "core/interrupts/IrqAffinity.h"

#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"

#include <algorithm>

namespace pg {

Result<std::vector<int>> parseCpuList(std::string_view text)
{
    using namespace parse;
    text = trim(text);
    std::vector<int> cpus;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view part = trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view {} : text.substr(comma + 1);
        if (part.empty() || (comma != std::string_view::npos && trim(text).empty()))
            return Error::BadFormat;
        const std::size_t dash = part.find('-');
        int first = -1;
        int last = -1;
        if (!toInt(part.substr(0, dash), first))
            return Error::BadNumber;
        last = first;
        if (dash != std::string_view::npos) {
            std::string_view upper = part.substr(dash + 1);
            // "0-15:4" (cpu list with stride, bitmap_parselist) is not printed by the kernel here.
            if (!toInt(upper, last))
                return Error::BadNumber;
        }
        if (first < 0 || last < first || last > kMaxCpuId)
            return Error::BadFormat;
        for (int c = first; c <= last; ++c)
            cpus.push_back(c);
    }
    std::sort(cpus.begin(), cpus.end());
    cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
    return cpus;
}

std::string formatCpuList(const std::vector<int>& cpus)
{
    std::string out;
    for (std::size_t i = 0; i < cpus.size();) {
        std::size_t j = i;
        while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1)
            ++j;
        if (!out.empty())
            out += ',';
        out += std::to_string(cpus[i]);
        if (j > i) {
            out += '-';
            out += std::to_string(cpus[j]);
        }
        i = j + 1;
    }
    return out;
}

IrqAffinity readIrqAffinity(const std::string& procRoot, int irq)
{
    IrqAffinity out;
    const std::string dir = procRoot + "/irq/" + std::to_string(irq) + "/";
    if (Result<std::string> text = readWholeFile(dir + "smp_affinity_list", 64 * 1024)) {
        if (Result<std::vector<int>> cpus = parseCpuList(*text)) {
            out.allowedKnown = true;
            out.allowed = std::move(cpus).value();
        }
    }
    if (Result<std::string> text = readWholeFile(dir + "effective_affinity_list", 64 * 1024)) {
        if (Result<std::vector<int>> cpus = parseCpuList(*text)) {
            out.effectiveKnown = true;
            out.effective = std::move(cpus).value();
        }
    }
    return out;
}

BalanceFinding assessBalance(
    const std::vector<int>& cpuIds, const std::vector<double>& perCpu, const IrqAffinity& affinity)
{
    BalanceFinding f;
    double total = 0;
    for (double v : perCpu)
        total += v;
    if (!(total > 0) || perCpu.size() != cpuIds.size())
        return f;
    for (int id : cpuIds) {
        if (!affinity.allowedKnown
            || std::binary_search(affinity.allowed.begin(), affinity.allowed.end(), id))
            ++f.allowedOnline;
    }
    std::size_t top = 0;
    for (std::size_t i = 0; i < perCpu.size(); ++i) {
        if (perCpu[i] >= 0.01 * total)
            ++f.used;
        if (perCpu[i] > perCpu[top])
            top = i;
    }
    const double share = perCpu[top] / total;
    if (share >= kConcentratedShare && f.allowedOnline > 1) {
        f.kind = BalanceFinding::Kind::Concentrated;
        f.cpu = cpuIds[top];
        f.share = share;
    } else if (f.allowedOnline > f.used) {
        f.kind = BalanceFinding::Kind::FewerThanAllowed;
    }
    return f;
}

} // namespace pg

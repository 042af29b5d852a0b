// SPDX-License-Identifier: GPL-3.0-or-later
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

Result<std::vector<int>> parseCpuMask(std::string_view text)
{
    using namespace parse;
    text = trim(text);
    if (text.empty())
        return Error::Empty;
    // Words, least significant last; each is up to 8 hex digits (32 CPUs).
    std::vector<std::string_view> words;
    while (true) {
        const std::size_t comma = text.find(',');
        words.push_back(text.substr(0, comma));
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    if (words.size() * 32 > static_cast<std::size_t>(kMaxCpuId) + 1)
        return Error::TooManyCpus;
    std::vector<int> cpus;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::string_view word = words[words.size() - 1 - w];
        std::uint32_t bits = 0;
        if (word.empty() || word.size() > 8 || !toInt(word, bits, 16))
            return Error::BadNumber;
        for (int b = 0; b < 32; ++b) {
            if (bits & (1u << b))
                cpus.push_back(static_cast<int>(w) * 32 + b);
        }
    }
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
    auto read = [&dir](const char* name, bool& known, std::vector<int>& cpus, Error& error) {
        Result<std::string> text = readWholeFile(dir + name, 64 * 1024);
        if (!text) {
            error = text.error();
            return;
        }
        Result<std::vector<int>> parsed = parseCpuList(*text);
        if (!parsed) {
            error = parsed.error();
            return;
        }
        known = true;
        cpus = std::move(parsed).value();
    };
    read("smp_affinity_list", out.allowedKnown, out.allowed, out.allowedError);
    read("effective_affinity_list", out.effectiveKnown, out.effective, out.effectiveError);
    return out;
}

void readIrqAffinityHint(const std::string& procRoot, int irq, IrqAffinity& a)
{
    const std::string dir = procRoot + "/irq/" + std::to_string(irq) + "/";
    a.hintKnown = false;
    a.hint.clear();
    a.hintError = Error::None;
    if (Result<std::string> text = readWholeFile(dir + "affinity_hint", 64 * 1024)) {
        if (Result<std::vector<int>> cpus = parseCpuMask(*text)) {
            a.hintKnown = true;
            a.hint = std::move(cpus).value();
        } else {
            a.hintError = cpus.error();
        }
    } else {
        a.hintError = text.error();
    }
    a.nodeKnown = false;
    a.node = -1;
    a.nodeError = Error::None;
    if (Result<std::string> text = readWholeFile(dir + "node", 64)) {
        int node = -1;
        if (parse::toInt(parse::trim(*text), node) && node >= -1) {
            a.nodeKnown = true;
            a.node = node;
        } else {
            a.nodeError = Error::BadNumber;
        }
    } else {
        a.nodeError = text.error();
    }
}

AllowedCpus allowedCpus(const IrqAffinity& a)
{
    // An empty effective list means "not started yet" (no CPU chosen), not "no CPU allowed".
    if (a.effectiveKnown && !a.effective.empty())
        return { a.effective, "effective_affinity_list" };
    if (a.allowedKnown && !a.allowed.empty())
        return { a.allowed, "smp_affinity_list" };
    if (a.hintKnown && !a.hint.empty())
        return { a.hint, "affinity_hint" };
    return {};
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
    const AllowedCpus allowed = allowedCpus(affinity);
    for (int id : cpuIds) {
        if (allowed.source[0] == '\0'
            || std::binary_search(allowed.cpus.begin(), allowed.cpus.end(), id))
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/MappingCensus.h"

#include "core/memory/SmapsStreamParser.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace pg {

namespace {

std::uint64_t ussOf(const SmapsMapping& m)
{
    return m.valueOr0(SmapsField::Private_Clean) + m.valueOr0(SmapsField::Private_Dirty);
}

// Does this /proc/PID/maps text have a mapping of (device, inode)?
bool mapsFile(std::string_view text, const std::string& device, std::uint64_t inode)
{
    SmapsMapping header;
    while (!text.empty()) {
        const std::size_t eol = text.find('\n');
        const std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        if (parseSmapsHeader(line, header) == Error::None && header.inode == inode
            && header.device == device)
            return true;
    }
    return false;
}

} // namespace

std::string mappingKey(const SmapsMapping& m)
{
    if (m.inode != 0)
        return m.device + " " + std::to_string(m.inode);
    if (!m.path.empty())
        return m.displayPath();
    return "[anon]";
}

void MappingTotals::add(const std::vector<SmapsMapping>& mappings)
{
    for (const SmapsMapping& m : mappings)
        stage(m);
    commit();
}

void MappingTotals::stage(const SmapsMapping& m)
{
    auto [it, inserted] = m_index.try_emplace(mappingKey(m), m_rows.size());
    if (inserted) {
        MappingMemory row;
        row.name = m.inode != 0 || !m.path.empty() ? m.displayPath() : it->first;
        if (m.inode != 0) {
            row.device = m.device;
            row.inode = m.inode;
        }
        m_rows.push_back(std::move(row));
        m_lastProcess.push_back(0);
    }
    m_staged.push_back({ it->second, m.valueOr0(SmapsField::Rss), m.valueOr0(SmapsField::Pss),
        ussOf(m), m.valueOr0(SmapsField::Swap) });
}

void MappingTotals::commit()
{
    ++m_process;
    for (const Staged& st : m_staged) {
        MappingMemory& row = m_rows[st.row];
        if (m_lastProcess[st.row] != m_process) {
            m_lastProcess[st.row] = m_process;
            ++row.processes;
        }
        ++row.mappings;
        row.rssKib += st.rssKib;
        row.pssKib += st.pssKib;
        row.ussKib += st.ussKib;
        row.swapKib += st.swapKib;
    }
    m_staged.clear();
}

std::vector<MappingMemory> MappingTotals::take()
{
    std::vector<MappingMemory> rows = std::move(m_rows);
    // Rows that only a dropped (malformed) process staged.
    std::erase_if(rows, [](const MappingMemory& r) { return r.mappings == 0; });
    std::sort(rows.begin(), rows.end(), [](const MappingMemory& a, const MappingMemory& b) {
        if (a.pssKib != b.pssKib)
            return a.pssKib > b.pssKib;
        return a.name < b.name;
    });
    m_rows.clear();
    m_lastProcess.clear();
    m_index.clear();
    m_staged.clear();
    return rows;
}

MappingCensus readMappingCensus(const std::string& procRoot, const std::atomic<bool>* stop,
    const WalkProgress& progress, MemoryCensus* perProcess)
{
    MappingCensus out;
    MappingTotals totals;
    ProcessWalk walk;
    walk.procRoot = procRoot;
    walk.file = "smaps";
    walk.maxBytes = 1024u * 1024u * 1024u; // a process with a million mappings has ~700 MB
    walk.stop = stop;
    walk.progress = [&](std::size_t done, std::size_t total) {
        if (done == 0 && perProcess)
            perProcess->processes.reserve(total); // one allocation (see readMemoryCensus)
        if (progress)
            progress(done, total);
    };
    // The process being read, and the sums of its mappings in the shape of its smaps_rollup.
    int pid = 0;
    const PidStatus* status = nullptr;
    SmapsMapping sums;
    auto sink = [&](SmapsMapping& m) {
        for (std::size_t f = 0; f < kSmapsFieldCount; ++f) {
            const auto field = static_cast<SmapsField>(f);
            if (m.has(field))
                sums.kib[f] = sums.valueOr0(field) + m.get(field);
        }
        totals.stage(m);
    };
    std::optional<SmapsStreamParser> parser;
    ProcessStreamVisitor visit;
    visit.begin = [&](int p, const PidStatus& s) {
        pid = p;
        status = &s;
        sums = SmapsMapping();
        parser.emplace(sink);
    };
    visit.chunk = [&](std::string_view chunk) { parser->feed(chunk); };
    visit.end = [&](Error readError) {
        // Counted only once the whole text parsed: a malformed smaps adds nothing.
        const Error e = readError != Error::None ? readError : parser->finish();
        parser.reset();
        if (e != Error::None) {
            totals.drop();
            return e;
        }
        totals.commit();
        ++out.processesRead;
        if (perProcess) {
            const std::uint32_t uid = status->hasIds ? status->uid[0] : 0;
            perProcess->processes.push_back(processMemoryFrom(pid, uid, status->name, sums));
        }
        return Error::None;
    };
    // 64 KiB: the smaps of a small process in one read, a large one's never held whole.
    static_cast<CensusCoverage&>(out) = walkProcessesStreamed(walk, 64u * 1024u, visit);
    out.mappings = totals.take();
    if (perProcess)
        static_cast<CensusCoverage&>(*perProcess) = out;
    return out;
}

FileMappers readFileMappers(const std::string& procRoot, const std::string& device,
    std::uint64_t inode, const std::atomic<bool>* stop, const FileMappersProgress& progress)
{
    auto passProgress = [&progress](FileMappersPass pass) -> WalkProgress {
        if (!progress)
            return {};
        return
            [&progress, pass](std::size_t done, std::size_t total) { progress(pass, done, total); };
    };
    // First pass: maps (addresses and files only) to find who maps it at all.
    std::vector<int> candidates;
    ProcessWalk walk;
    walk.procRoot = procRoot;
    walk.file = "maps";
    walk.stop = stop;
    walk.progress = passProgress(FileMappersPass::Maps);
    FileMappers out;
    static_cast<CensusCoverage&>(out)
        = walkProcesses(walk, [&](int pid, const PidStatus&, std::string_view text) {
              if (mapsFile(text, device, inode))
                  candidates.push_back(pid);
              return Error::None;
          });
    if (out.stopped || out.listError != Error::None)
        return out;
    // Second pass: the candidates' smaps, for their Rss and Pss of it.
    walk.file = "smaps";
    walk.maxBytes = 1024u * 1024u * 1024u;
    walk.pids = std::move(candidates);
    walk.progress = passProgress(FileMappersPass::Smaps);
    const CensusCoverage second
        = walkProcesses(walk, [&](int pid, const PidStatus& status, std::string_view text) {
              auto smaps = parseSmaps(text);
              if (!smaps)
                  return smaps.error();
              FileMapper p;
              p.pid = pid;
              p.uid = status.hasIds ? status.uid[0] : 0;
              p.comm = status.name;
              for (const SmapsMapping& m : smaps->mappings) {
                  if (m.inode != inode || m.device != device)
                      continue;
                  ++p.mappings;
                  p.rssKib += m.valueOr0(SmapsField::Rss);
                  p.pssKib += m.valueOr0(SmapsField::Pss);
                  p.ussKib += ussOf(m);
                  p.swapKib += m.valueOr0(SmapsField::Swap);
              }
              if (p.mappings > 0) // it may have unmapped the file between the passes
                  out.processes.push_back(std::move(p));
              return Error::None;
          });
    out.skipped.insert(out.skipped.end(), second.skipped.begin(), second.skipped.end());
    out.vanished += second.vanished;
    out.withoutUserMemory += second.withoutUserMemory;
    out.stopped = second.stopped;
    std::sort(
        out.processes.begin(), out.processes.end(), [](const FileMapper& a, const FileMapper& b) {
            return a.pssKib != b.pssKib ? a.pssKib > b.pssKib : a.pid < b.pid;
        });
    return out;
}

} // namespace pg

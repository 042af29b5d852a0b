// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The details of the selected process from a PCP feed (a host window, a recording): a worker
// object in the sampler thread that fetches, for that one pid only (an instance profile: pmdaproc
// reads one process, and the table's next fetch still gets every pid), what pmdaproc has of the
// details panel's fields (Kind::Details, following the process sampler while the panel is shown)
// or the process's smaps totals for the Memory map page (Kind::MapTotals, on its own cadence while
// the page is shown). Nothing here reads the local /proc or sends a signal: a remote pid names
// another process, or none, on this machine.

#include "core/metatypes/SnapshotTypes.h"
#include "core/sampler/PcpFeed.h"
#include "core/sampler/Sampler.h"

#include <optional>

namespace pg {

class PcpDetailsSampler final : public Sampler
{
    Q_OBJECT
public:
    enum class Kind { Details, MapTotals };

    // `recording`: the feed replays an archive (a missing value was not recorded).
    PcpDetailsSampler(
        std::shared_ptr<PcpFeed> feed, Kind kind, bool recording, QObject* parent = nullptr);
    ~PcpDetailsSampler() override;

    Kind kind() const { return m_kind; }

public slots:
    // pid 0 clears the selection. startTimeTicks: the table's proc.psinfo.start_time (0: whatever
    // process has the pid). Fetches at once when active (and started).
    void setProcess(int pid, quint64 startTimeTicks);

signals:
    void pcpDetailsReady(PcpDetailsPtr details);

protected:
    void sample() override;
    bool hasWork() const override { return m_key.has_value(); }

private:
    std::shared_ptr<PcpFeed> m_feed;
    Kind m_kind;
    bool m_recording;
    std::optional<ProcessKey> m_key;
    int m_parentPid = 0; // the last fetch's ppid: the next fetch also asks for the parent's name
    std::uint64_t m_sequence = 0;
};

} // namespace pg

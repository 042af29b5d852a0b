// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The details sampler: a worker object in the sampler thread that reads everything about the one
// selected process (ProcessDetails) when the selection changes and, following the process
// sampler (follow()), after every process sample while the details panel is shown
// (setActive(false) while it is hidden), computes each thread's CPU % from the deltas between two
// reads, and performs process actions (signals, renice) so that the GUI thread never touches /proc.

#include "core/metatypes/SnapshotTypes.h"
#include "core/sampler/Sampler.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace pg {

class DetailsSampler final : public Sampler
{
    Q_OBJECT
public:
    explicit DetailsSampler(std::string procRoot, QObject* parent = nullptr);

    const std::string& procRoot() const { return m_procRoot; }

public slots:
    // pid 0 clears the selection. Reads at once when active (and started).
    void setProcess(int pid, quint64 startTimeTicks);
    // Performs the request and emits actionFinished; then re-reads the details.
    void perform(const pg::ActionRequest& request);

signals:
    void detailsReady(ProcessDetailsPtr details);
    void actionFinished(ActionReportPtr report);

protected:
    void sample() override;
    bool hasWork() const override { return m_key.has_value(); }

private:
    struct ThreadPrev
    {
        std::uint64_t ticks = 0;
        std::uint64_t startTimeTicks = 0;
    };

    std::string m_procRoot;
    std::optional<ProcessKey> m_key;
    std::uint64_t m_sequence = 0;
    std::int64_t m_prevReadNs = 0;
    std::unordered_map<int, ThreadPrev> m_prevThreads; // of m_key, by tid
};

} // namespace pg

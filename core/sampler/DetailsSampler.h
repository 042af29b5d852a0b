#pragma once

// The details sampler: a worker object in the sampler thread that reads everything about the one
// selected process (ProcessDetails) when the selection changes and on every refresh while the
// details panel is shown, computes each thread's CPU % from the deltas between two reads, and
// performs process actions (signals, renice) so that the GUI thread never touches /proc.

#include "core/process/ProcessActions.h"
#include "core/process/ProcessDetails.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace pg {

struct DetailsSample
{
    std::uint64_t sequence = 0;
    ProcessKey key; // the process asked for
    // The pid now belongs to another process (start time differs): shown as "exited".
    bool reused = false;
    ProcessDetails details;
    std::vector<double> threadCpuPercent; // parallel to details.threads; NaN until two reads
    double elapsedSinceLastSeconds = 0;
};

struct ActionRequest
{
    enum Kind { Signal, Nice } kind = Signal;
    int value = 0; // the signal number, or the nice value
    QList<ProcessKey> keys;
};

struct ActionReport
{
    ActionRequest request;
    std::vector<ActionOutcome> outcomes; // one per key, in order
};

} // namespace pg

using ProcessDetailsPtr = std::shared_ptr<const pg::DetailsSample>;
using ActionReportPtr = std::shared_ptr<const pg::ActionReport>;
Q_DECLARE_METATYPE(ProcessDetailsPtr)
Q_DECLARE_METATYPE(ActionReportPtr)
Q_DECLARE_METATYPE(pg::ActionRequest)

namespace pg {

// Registers ProcessDetailsPtr, ActionReportPtr and ActionRequest; call once before connecting.
void registerDetailsMetaTypes();

class DetailsSampler final : public QObject
{
    Q_OBJECT
public:
    explicit DetailsSampler(std::string procRoot, QObject* parent = nullptr);

    const std::string& procRoot() const { return m_procRoot; }

public slots:
    // pid 0 clears the selection. Reads at once when active.
    void setProcess(int pid, quint64 startTimeTicks);
    // While inactive (panel hidden) refresh() reads nothing.
    void setActive(bool active);
    // Re-reads the current process; connect to the process sampler's tick.
    void refresh();
    // Performs the request and emits actionFinished; then re-reads the details.
    void perform(const pg::ActionRequest& request);

signals:
    void detailsReady(ProcessDetailsPtr details);
    void actionFinished(ActionReportPtr report);

private:
    struct ThreadPrev
    {
        std::uint64_t ticks = 0;
        std::uint64_t startTimeTicks = 0;
    };

    std::string m_procRoot;
    std::optional<ProcessKey> m_key;
    bool m_active = true;
    std::uint64_t m_sequence = 0;
    std::int64_t m_prevReadNs = 0;
    std::unordered_map<int, ThreadPrev> m_prevThreads; // of m_key, by tid
};

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interrupts/InterruptsCollector.h"

#include "core/base/ProcFs.h"
#include "core/interrupts/IrqDevices.h"

#include <cstdint>
#include <map>
#include <utility>

namespace pg {

InterruptsCollector::InterruptsCollector(std::string procRoot, std::string sysRoot)
    : m_root(std::move(procRoot))
    , m_sysRoot(std::move(sysRoot))
{ }

void InterruptsCollector::updateTopology(const Interrupts& interrupts, double timeSec)
{
    std::vector<std::pair<int, std::string>> set;
    set.reserve(m_irqSet.size());
    for (const InterruptRow& r : interrupts.rows) {
        if (r.irq >= 0)
            set.emplace_back(r.irq, r.devicesJoined());
    }
    // Built only when something is read: most ticks read nothing.
    auto actions = [&interrupts] {
        std::map<int, std::vector<std::string>> out;
        for (const InterruptRow& r : interrupts.rows) {
            if (r.irq >= 0)
                out[r.irq] = r.devices;
        }
        return out;
    };
    // Affinity files change only when an administrator or irqbalance writes them, the device
    // links only when a driver binds or an interface is renamed: a new IRQ set (an IRQ
    // allocated, freed or re-requested under another name) re-reads everything; time alone
    // re-reads the effective affinities every kTopologyRefreshSec, and the /sys walk, both
    // affinity lists and irqbalance's presence every kAttachmentRefreshSec. Between those a tick
    // opens only interrupts and softirqs.
    if (!m_topology || set != m_irqSet || timeSec < m_topology->readAtSec) {
        auto fresh = std::make_shared<IrqTopology>(readIrqTopology(m_sysRoot, m_root, actions()));
        fresh->readAtSec = timeSec;
        fresh->attachedAtSec = timeSec;
        const IrqbalanceState previous = m_topology ? m_topology->irqbalance : IrqbalanceState {};
        fresh->irqbalance = irqbalanceCheckDue(previous, timeSec)
            ? findIrqbalance(m_root, previous, timeSec)
            : previous;
        m_topology = std::move(fresh);
        m_irqSet = std::move(set);
        readNetQueues();
        return;
    }
    if (timeSec - m_topology->readAtSec < kTopologyRefreshSec)
        return;
    auto next = std::make_shared<IrqTopology>(*m_topology); // snapshots keep the old one
    if (timeSec - next->attachedAtSec >= kAttachmentRefreshSec) {
        refreshIrqAttachments(*next, m_sysRoot, m_root, actions());
        next->attachedAtSec = timeSec;
    } else {
        refreshIrqAffinities(*next, m_root);
    }
    // A running irqbalance is re-checked by its pid (one read). Looking for one costs a read per
    // process (thousands on a busy machine): a slice per refresh, a new pass every 5 minutes.
    if (irqbalanceCheckDue(next->irqbalance, timeSec))
        next->irqbalance = findIrqbalance(m_root, next->irqbalance, timeSec);
    next->readAtSec = timeSec;
    m_topology = std::move(next);
    readNetQueues(); // an administrator's echo into rps_cpus shows with the affinities
}

void InterruptsCollector::readNetQueues()
{
    if (m_sysRoot.empty() || !m_topology) {
        m_netQueues.reset();
        return;
    }
    auto queues = std::make_shared<std::vector<NetDeviceQueues>>();
    for (const IrqDevice& d : irqDevices(*m_topology)) {
        if (d.kind == "net")
            queues->push_back(readNetDeviceQueues(m_sysRoot, d.name, *m_topology));
    }
    m_netQueues = std::move(queues);
}

InterruptsSnapshot InterruptsCollector::sample(double timeSec)
{
    InterruptsSnapshot snap;
    snap.sequence = ++m_sequence;
    if (Result<std::string> text = readWholeFile(m_root + "/interrupts")) {
        if (Result<Interrupts> parsed = parseInterrupts(*text)) {
            snap.interrupts = std::move(parsed).value();
            snap.irqRates = m_irqRates.update(
                timeSec, snap.interrupts.cpuIds, IrqRates::views(snap.interrupts.rows));
        } else {
            snap.interruptsError = parsed.error();
        }
    } else {
        snap.interruptsError = text.error();
    }
    if (snap.interruptsError != Error::None)
        m_irqRates.clear(); // the next good read starts fresh instead of diffing across the gap

    if (Result<std::string> text = readWholeFile(m_root + "/softirqs")) {
        if (Result<Softirqs> parsed = parseSoftirqs(*text)) {
            snap.softirqs = std::move(parsed).value();
            snap.softirqRates = m_softirqRates.update(
                timeSec, snap.softirqs.cpuIds, IrqRates::views(snap.softirqs.rows));
        } else {
            snap.softirqsError = parsed.error();
        }
    } else {
        snap.softirqsError = text.error();
    }
    if (snap.softirqsError != Error::None)
        m_softirqRates.clear();

    if (snap.interruptsError == Error::None)
        updateTopology(snap.interrupts, timeSec);
    snap.topology = m_topology;
    snap.netQueues = m_netQueues;
    snap.affinity.resize(snap.interrupts.rows.size());
    for (std::size_t i = 0; m_topology && i < snap.interrupts.rows.size(); ++i) {
        if (const IrqInfo* info = m_topology->find(snap.interrupts.rows[i].irq))
            snap.affinity[i] = info->affinity;
    }
    return snap;
}

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/processes/ProcessMatch.h"

#include <cmath>

namespace pg {

QString UserFilter::toSetting(std::uint32_t myUid) const
{
    switch (kind) {
    case Kind::All:
        break;
    case Kind::Uid:
        if (uid == myUid)
            return QStringLiteral("me");
        return QStringLiteral("uid:%1").arg(uid);
    case Kind::Name:
        return QStringLiteral("user:") + name;
    }
    return QStringLiteral("all");
}

UserFilter UserFilter::fromSetting(const QString& text, std::uint32_t myUid)
{
    UserFilter f;
    if (text == QLatin1String("me")) {
        f.kind = Kind::Uid;
        f.uid = myUid;
    } else if (text.startsWith(QLatin1String("uid:"))) {
        bool ok = false;
        const uint uid = text.mid(4).toUInt(&ok);
        if (ok) {
            f.kind = Kind::Uid;
            f.uid = uid;
        }
    } else if (text.startsWith(QLatin1String("user:")) && text.size() > 5) {
        f.kind = Kind::Name;
        f.name = text.mid(5);
    }
    return f;
}

ProcessMatcher::ProcessMatcher(const QString& text, bool hideKernelThreads, UserFilter user)
    : m_text(text)
    , m_hideKernelThreads(hideKernelThreads)
    , m_user(std::move(user))
{
    m_pid = m_text.toInt(&m_isPid);
}

bool ProcessMatcher::accepts(const ProcessTableModel::Row& row) const
{
    if (m_hideKernelThreads && row.info->kernelThread)
        return false;
    switch (m_user.kind) {
    case UserFilter::Kind::All:
        break;
    case UserFilter::Kind::Uid:
        if (!row.info->uidKnown || row.info->uid != m_user.uid)
            return false;
        break;
    case UserFilter::Kind::Name:
        if (!row.info->uidKnown || row.user() != m_user.name)
            return false;
        break;
    }
    if (m_text.isEmpty())
        return true;
    if (m_isPid && m_pid == row.info->key.pid)
        return true;
    return row.command().contains(m_text, Qt::CaseInsensitive)
        || row.comm().contains(m_text, Qt::CaseInsensitive)
        || row.user().contains(m_text, Qt::CaseInsensitive);
}

namespace {

template <typename T> int cmp(const T& a, const T& b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

int compareProcessRows(const ProcessTableModel::Row& a, const ProcessTableModel::Row& b, int column)
{
    const ProcessInfo& p = *a.info;
    const ProcessInfo& q = *b.info;
    auto cpu = [](double v) { return std::isnan(v) ? -1.0 : v; };
    auto rate = cpu; // an unknown io rate (NaN) sorts below every known one too
    auto mem = [](const ProcessInfo& x, std::uint64_t v) {
        return x.memError != Error::None ? -1LL : static_cast<long long>(v);
    };
    switch (column) {
    case ProcessTableModel::Pid:
        return cmp(p.key.pid, q.key.pid);
    case ProcessTableModel::User:
        return a.user().compare(b.user(), Qt::CaseInsensitive);
    case ProcessTableModel::State:
        return cmp(p.state, q.state);
    case ProcessTableModel::Cpu:
        return cmp(cpu(p.cpuPercent), cpu(q.cpuPercent));
    case ProcessTableModel::Virt:
        return cmp(mem(p, p.virtKib), mem(q, q.virtKib));
    case ProcessTableModel::Res:
        return cmp(mem(p, p.resKib), mem(q, q.resKib));
    case ProcessTableModel::Shr:
        return cmp(mem(p, p.shrKib), mem(q, q.shrKib));
    case ProcessTableModel::Threads:
        return cmp(p.threads, q.threads);
    case ProcessTableModel::Nice:
        return cmp(p.nice, q.nice);
    case ProcessTableModel::Priority:
        return cmp(p.priority, q.priority);
    case ProcessTableModel::Started:
        return cmp(p.startTimeUnixMs, q.startTimeUnixMs);
    case ProcessTableModel::CpuTime:
        return cmp(p.cpuTimeTicks(), q.cpuTimeTicks());
    case ProcessTableModel::Command:
        return a.command().compare(b.command(), Qt::CaseInsensitive);
    case ProcessTableModel::IoRead:
        return cmp(rate(p.ioReadBytesPerS), rate(q.ioReadBytesPerS));
    case ProcessTableModel::IoWrite:
        return cmp(rate(p.ioWriteBytesPerS), rate(q.ioWriteBytesPerS));
    default:
        return 0;
    }
}

} // namespace pg

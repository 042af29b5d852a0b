// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/RecentHosts.h"

#include "core/pcp/PcpHostSpec.h"

namespace pg {

namespace {

const QString kKey = QStringLiteral("hosts/recent");

} // namespace

QStringList RecentHosts::load(const QSettings& settings)
{
    QStringList out;
    for (const QString& spec : settings.value(kKey).toStringList()) {
        // A file written by hand may hold one: it is not shown, and dropped at the next save.
        const QString clean
            = QString::fromStdString(pcpSpecWithoutSecrets(spec.trimmed().toStdString()));
        if (!clean.isEmpty() && !out.contains(clean) && out.size() < kMax)
            out << clean;
    }
    return out;
}

void RecentHosts::remember(QSettings& settings, const QString& spec)
{
    const QString clean
        = QString::fromStdString(pcpSpecWithoutSecrets(spec.trimmed().toStdString()));
    QStringList list = load(settings);
    if (!clean.isEmpty()) {
        list.removeAll(clean);
        list.prepend(clean);
    }
    while (list.size() > kMax)
        list.removeLast();
    settings.setValue(kKey, list);
}

} // namespace pg

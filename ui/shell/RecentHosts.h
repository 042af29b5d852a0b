// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The hosts File > Connect to host... was used with, newest first, at most kMax, in the settings
// (hosts/recent). A spec is kept without its secrets (pcpSpecWithoutSecrets): a password typed
// into pcps://HOST?username=U&password=P is never written to the settings file.

#include <QSettings>
#include <QStringList>

namespace pg {

class RecentHosts final
{
public:
    static constexpr int kMax = 10;
    static QStringList load(const QSettings& settings);
    // Puts `spec` (without its secrets) first, drops an older copy of it and what is over kMax.
    static void remember(QSettings& settings, const QString& spec);
};

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/AboutText.h"

#include <QCoreApplication>

namespace pg {

QString aboutText(const QString& procRoot)
{
    return QCoreApplication::translate("MainWindow",
        "<h3>Procglass %1</h3><p>A system monitor that shows what the Linux kernel exposes in "
        "/proc and /sys, and explains it.</p><p>Reading: %2</p>"
        "<p>Licence: GPL-3.0-or-later. Procglass is free software: you may redistribute and "
        "modify it under the terms of the GNU General Public License as published by the Free "
        "Software Foundation, version 3 or (at your option) any later version. It comes with "
        "ABSOLUTELY NO WARRANTY; see <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">"
        "the GNU General Public License</a>.</p>")
        .arg(QStringLiteral(PROCGLASS_VERSION), procRoot.toHtmlEscaped());
}

} // namespace pg

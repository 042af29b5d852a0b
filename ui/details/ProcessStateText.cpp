// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/ProcessStateText.h"

#include <QCoreApplication>

namespace pg {

QString processStateText(char s)
{
    auto tr = [](const char* text) {
        return QCoreApplication::translate("pg::ProcessDetailsPanel", text);
    };
    switch (s) {
    case 'R':
        return tr("R (running)");
    case 'S':
        return tr("S (sleeping, interruptible)");
    case 'D':
        return tr("D (uninterruptible sleep, usually I/O)");
    case 'Z':
        return tr("Z (zombie: exited, not yet reaped by its parent)");
    case 'T':
        return tr("T (stopped by a signal)");
    case 't':
        return tr("t (stopped by a debugger)");
    case 'I':
        return tr("I (idle kernel thread)");
    case 'X':
        return tr("X (dead)");
    default:
        return QString(QLatin1Char(s));
    }
}

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Help > Keyboard shortcuts: the list is generated from what the window holds, so it cannot
// drift from it: every action with a shortcut (menus, pages, the context menu's actions), every
// menu and tab mnemonic (Alt+letter), and the keys widgets handle themselves, which a widget
// declares in its "pgShortcutHelp" property ("Keys\tWhat they do" per entry).

#include <QList>
#include <QString>

class QDialog;
class QMainWindow;

namespace pg {

struct ShortcutEntry
{
    QString keys; // "Ctrl+F", "Alt+P"
    QString what; // "Process > Filter processes"
};

QList<ShortcutEntry> collectKeyboardShortcuts(const QMainWindow* window);
QDialog* makeKeyboardShortcutsDialog(QMainWindow* window);

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/KeyboardShortcuts.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <set>

namespace pg {

namespace {

QString plain(QString text)
{
    // "&Export snapshot…" -> "Export snapshot…"; "&&" stays one "&".
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

QString mnemonicKey(const QString& text)
{
    const QKeySequence mnemonic = QKeySequence::mnemonic(text);
    return mnemonic.isEmpty() ? QString() : mnemonic.toString(QKeySequence::NativeText);
}

void addMenu(QList<ShortcutEntry>& out, const QMenu* menu, const QString& path,
    std::set<const QAction*>& listed)
{
    for (const QAction* a : menu->actions()) {
        if (a->isSeparator())
            continue;
        const QString where = path + QStringLiteral(" > ") + plain(a->text());
        if (a->menu()) {
            addMenu(out, a->menu(), where, listed);
            continue;
        }
        if (!a->shortcuts().isEmpty() && listed.insert(a).second) {
            QStringList keys;
            for (const QKeySequence& k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            out.append({ keys.join(QStringLiteral(", ")), where });
        }
    }
}

} // namespace

QList<ShortcutEntry> collectKeyboardShortcuts(const QMainWindow* window)
{
    QList<ShortcutEntry> out;
    std::set<const QAction*> listed;
    const QMenuBar* bar = window->menuBar();
    for (const QAction* top : bar->actions()) {
        if (!top->menu())
            continue;
        const QString title = plain(top->text());
        if (const QString key = mnemonicKey(top->text()); !key.isEmpty())
            out.append({ key, QObject::tr("Open the %1 menu").arg(title) });
        addMenu(out, top->menu(), title, listed);
    }
    // Actions outside the menu bar (a context menu, a widget's own actions).
    for (const QAction* a : window->findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty() || listed.count(a) || a->text().isEmpty())
            continue;
        listed.insert(a);
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        out.append({ keys.join(QStringLiteral(", ")), plain(a->text()) });
    }
    for (const QTabBar* tabs : window->findChildren<QTabBar*>()) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (const QString key = mnemonicKey(tabs->tabText(i)); !key.isEmpty())
                out.append({ key, QObject::tr("Show the %1 tab").arg(plain(tabs->tabText(i))) });
        }
    }
    for (const QAbstractButton* button : window->findChildren<QAbstractButton*>()) {
        if (const QString key = mnemonicKey(button->text()); !key.isEmpty())
            out.append({ key, QObject::tr("%1 (on its page)").arg(plain(button->text())) });
    }
    for (const QWidget* w : window->findChildren<QWidget*>()) {
        for (const QString& line : w->property("pgShortcutHelp").toStringList()) {
            const qsizetype tab = line.indexOf(QLatin1Char('\t'));
            if (tab > 0)
                out.append({ line.left(tab), line.mid(tab + 1) });
        }
    }
    return out;
}

QDialog* makeKeyboardShortcutsDialog(QMainWindow* window)
{
    auto* dialog = new QDialog(window);
    dialog->setWindowTitle(QObject::tr("Keyboard shortcuts"));
    auto* list = new QTreeWidget(dialog);
    list->setObjectName(QStringLiteral("shortcutList"));
    list->setRootIsDecorated(false);
    list->setHeaderLabels({ QObject::tr("Keys"), QObject::tr("What they do") });
    for (const ShortcutEntry& e : collectKeyboardShortcuts(window))
        list->addTopLevelItem(new QTreeWidgetItem({ e.keys, e.what }));
    list->header()->resizeSection(0, 160);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog->resize(620, 520);
    return dialog;
}

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/Page.h"

#include "ui/common/LayoutRestore.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>

namespace pg {

namespace {

// The column header of a tree or table view.
QHeaderView* columnHeader(QAbstractItemView* view)
{
    if (auto* tree = qobject_cast<QTreeView*>(view))
        return tree->header();
    if (auto* table = qobject_cast<QTableView*>(view))
        return table->horizontalHeader();
    return nullptr;
}

} // namespace

void Page::saveLayout(QSettings& settings, const QString& prefix) const
{
    const QWidget* page = constWidget();
    for (const QSplitter* splitter : page->findChildren<QSplitter*>()) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(prefix + QStringLiteral("splitter/") + splitter->objectName(),
                splitter->saveState());
    }
    for (QAbstractItemView* view : page->findChildren<QAbstractItemView*>()) {
        const QHeaderView* header = columnHeader(view);
        if (!view->objectName().isEmpty() && header)
            settings.setValue(
                prefix + QStringLiteral("columns/") + view->objectName(), header->saveState());
    }
}

void Page::restoreLayout(QSettings& settings, const QString& prefix)
{
    QWidget* page = pageWidget();
    for (QSplitter* splitter : page->findChildren<QSplitter*>()) {
        const QVariant state
            = settings.value(prefix + QStringLiteral("splitter/") + splitter->objectName());
        if (!splitter->objectName().isEmpty() && state.isValid())
            restoreSplitterLayout(splitter, state.toByteArray());
    }
    for (QAbstractItemView* view : page->findChildren<QAbstractItemView*>()) {
        QHeaderView* header = columnHeader(view);
        const QVariant state
            = settings.value(prefix + QStringLiteral("columns/") + view->objectName());
        if (view->objectName().isEmpty() || !header || !view->model() || !state.isValid())
            continue;
        // restoreState() moves the sort indicator without sorting.
        if (restoreHeaderLayout(header, state.toByteArray()) && header->isSortIndicatorShown())
            view->model()->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    }
}

PlainPage::PlainPage(QString id, QString title, QWidget* widget)
    : m_id(std::move(id))
    , m_title(std::move(title))
    , m_widget(widget)
{ }

} // namespace pg

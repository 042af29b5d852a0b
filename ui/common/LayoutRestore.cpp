// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/LayoutRestore.h"

#include "ui/common/HeaderColumnChooser.h"

#include <QByteArray>
#include <QHeaderView>
#include <QSplitter>

namespace pg {

bool restoreHeaderLayout(QHeaderView* header, const QByteArray& state)
{
    const QByteArray defaults = header->saveState();
    const int count = header->count();
    if (state.isEmpty() || !header->restoreState(state))
        return false;
    bool sane = header->count() == count && header->hiddenSectionCount() < header->count();
    for (int i = 0; sane && i < header->count(); ++i) {
        const int size = header->sectionSize(i);
        sane = header->isSectionHidden(i)
            || (size >= header->minimumSectionSize() && size <= header->maximumSectionSize());
    }
    if (!sane)
        header->restoreState(defaults);
    // The column chooser's saved choice is the newer one (it is saved at once, the layout when
    // the window closes).
    if (HeaderColumnChooser* chooser = HeaderColumnChooser::of(header))
        chooser->applySaved();
    return sane;
}

bool restoreSplitterLayout(QSplitter* splitter, const QByteArray& state)
{
    const QByteArray defaults = splitter->saveState();
    const Qt::Orientation orientation = splitter->orientation();
    const int handleWidth = splitter->handleWidth();
    const bool collapsible = splitter->childrenCollapsible();
    const int count = splitter->count();
    if (state.isEmpty() || !splitter->restoreState(state))
        return false;
    const QList<int> sizes = splitter->sizes();
    bool sane = splitter->orientation() == orientation && splitter->handleWidth() == handleWidth
        && splitter->childrenCollapsible() == collapsible && sizes.size() == count;
    bool anyShown = false;
    for (int size : sizes) {
        sane = sane && size >= 0;
        anyShown = anyShown || size > 0;
    }
    sane = sane && (anyShown || sizes.isEmpty());
    if (!sane) {
        splitter->setOrientation(orientation);
        splitter->setHandleWidth(handleWidth);
        splitter->setChildrenCollapsible(collapsible);
        splitter->restoreState(defaults);
    }
    return sane;
}

} // namespace pg

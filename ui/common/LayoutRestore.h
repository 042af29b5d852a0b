// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Restoring a saved column or splitter layout without trusting it. QHeaderView::restoreState()
// and QSplitter::restoreState() take any blob that decodes: one edited by hand or saved by another
// version can hide every column, turn a side-by-side splitter on its side or give it a handle as
// wide as the window. These keep the layout the widget has (its defaults) unless the saved one is
// one the user could have made.

class QByteArray;
class QHeaderView;
class QSplitter;

namespace pg {

// At least one column shown, every size within the header's minimum and maximum, the same
// number of columns. Returns whether `state` was applied.
bool restoreHeaderLayout(QHeaderView* header, const QByteArray& state);

// The same orientation, handle width and collapsibility as now, every size non-negative, not all
// of them zero. Returns whether `state` was applied.
bool restoreSplitterLayout(QSplitter* splitter, const QByteArray& state);

} // namespace pg

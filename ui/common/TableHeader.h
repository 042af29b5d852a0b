// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every table's header gets, in one call: the column chooser (HeaderColumnChooser, its
// hidden columns saved under `settingsKey`) and the sort convention (HeaderSortOrder).

#include <QString>

class QHeaderView;

namespace pg {

class HeaderColumnChooser;

// Call after the view's model is set and sorting enabled. Returns the chooser.
HeaderColumnChooser* installTableHeader(QHeaderView* header, const QString& settingsKey = {});

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/TableHeader.h"

#include "ui/common/HeaderColumnChooser.h"
#include "ui/common/HeaderSortOrder.h"

namespace pg {

HeaderColumnChooser* installTableHeader(QHeaderView* header, const QString& settingsKey)
{
    HeaderSortOrder::install(header);
    return HeaderColumnChooser::install(header, settingsKey);
}

} // namespace pg

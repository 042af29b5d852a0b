// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Help > About box's text: version, what Procglass is, the /proc root it reads, and the
// licence (GPL-3.0-or-later: Qt Charts' open-source edition is GPL-3, see LICENSE).

#include <QString>

namespace pg {

// Rich text for QMessageBox::about(); `procRoot` is shown escaped.
QString aboutText(const QString& procRoot);

} // namespace pg

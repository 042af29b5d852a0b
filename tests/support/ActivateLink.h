// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Clicks a link in a QLabel below `root` (the details' "parent" link) as QLabel does: by emitting
// linkActivated with the href.

#include <QLabel>
#include <QString>

namespace pgtest {

// False when no label below `root` has a link to `href`.
inline bool activateLink(const QWidget* root, const QString& href)
{
    const QString anchor = QStringLiteral("href=\"%1\"").arg(href);
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (label->text().contains(anchor)) {
            emit label->linkActivated(href);
            return true;
        }
    }
    return false;
}

} // namespace pgtest

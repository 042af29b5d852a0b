// SPDX-License-Identifier: GPL-3.0-or-later
// Help > About names the licence (GPL-3.0-or-later, as LICENSE and the AppStream file do) and
// shows the /proc root it reads, escaped.

#include "ui/shell/AboutText.h"

#include <QTest>

class TestAboutText : public QObject
{
    Q_OBJECT
private slots:
    void namesLicenceAndRoot();
};

void TestAboutText::namesLicenceAndRoot()
{
    const QString text = pg::aboutText(QStringLiteral("/tmp/<copy>"));
    QVERIFY2(text.contains(QStringLiteral("GPL-3.0-or-later")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("GNU General Public License")));
    QVERIFY(text.contains(QStringLiteral("Procglass " PROCGLASS_VERSION)));
    QVERIFY2(text.contains(QStringLiteral("/tmp/&lt;copy&gt;")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestAboutText)
#include "tst_about_text.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// View > Theme (issue 14): System, Light or Dark (Fusion with a dark QPalette), saved, applied at
// once. The dark palette and the text tones read at 4.5:1 (WCAG AA); styled labels follow a theme
// switch; and the whole window, fed by its real samplers from this machine's /proc, is checked
// view by view under the dark and the light palette: every label, table and chart.

#include "Pages.h"
#include "core/sampler/Sampler.h"
#include "core/sampler/SamplerThread.h"
#include "ui/charts/ChartHost.h"
#include "ui/charts/DistributionBars.h"
#include "ui/charts/IrqHeatmap.h"
#include "ui/charts/PlotFrame.h"
#include "ui/charts/TimeChart.h"
#include "ui/charts/TimeSeriesChart.h"
#include "ui/common/Banner.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Theme.h"
#include "ui/system/CpuCoreBars.h"
#include "ui/system/MemoryHistoryChart.h"

#include <QAbstractAxis>
#include <QAbstractItemView>
#include <QApplication>
#include <QChart>
#include <QImage>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <cmath>
#include <map>
#include <memory>
#include <typeinfo>

using namespace pg;

Q_DECLARE_METATYPE(pg::Theme)

namespace {

double luminance(const QColor& c)
{
    auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString describe(const QColor& fg, const QColor& bg)
{
    return QStringLiteral("%1 on %2: %3:1")
        .arg(fg.name(), bg.name())
        .arg(contrast(fg, bg), 0, 'f', 2);
}

// The colour most pixels of `image` have: a chart's background.
QColor dominantColour(const QImage& image)
{
    std::map<QRgb, int> counts;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            ++counts[image.pixel(x, y)];
    }
    QRgb best = 0;
    int most = -1;
    for (const auto& [rgb, n] : counts) {
        if (n > most) {
            most = n;
            best = rgb;
        }
    }
    return QColor::fromRgb(best);
}

QString nameOf(const QWidget* w)
{
    QStringList parts;
    for (const QWidget* p = w; p; p = p->parentWidget()) {
        if (!p->objectName().isEmpty())
            parts.prepend(p->objectName());
    }
    return parts.join(QLatin1Char('/')) + QStringLiteral(" (") + w->metaObject()->className()
        + QLatin1Char(')');
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void keysRoundTrip();
    void darkPaletteReads();
    void toneColoursRead();
    void paintedGridShows();
    void styledLabelsFollowTheTheme();
    void systemRestoresTheDesktopLook();
    void menuAppliesAndSaves();
    void everyViewReads_data();
    void everyViewReads();
};

void TestTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProcglassTests"));
    QCoreApplication::setApplicationName(QStringLiteral("ProcglassThemeTest"));
    QSettings().clear();
}

void TestTheme::keysRoundTrip()
{
    for (Theme t : { Theme::System, Theme::Light, Theme::Dark })
        QCOMPARE(themeFromKey(themeKey(t)), std::optional<Theme>(t));
    QCOMPARE(themeFromKey(QStringLiteral("solarized")), std::nullopt);
    QSettings().setValue(QStringLiteral("view/theme"), QStringLiteral("solarized"));
    QCOMPARE(savedTheme(), Theme::System); // an unknown value falls back, never fails
    saveTheme(Theme::Dark);
    QCOMPARE(savedTheme(), Theme::Dark);
    QSettings().clear();
}

void TestTheme::darkPaletteReads()
{
    const QPalette p = darkPalette();
    QVERIFY(p.color(QPalette::Window).lightnessF() < 0.3);
    const struct
    {
        QPalette::ColorGroup group;
        QPalette::ColorRole fg, bg;
        double min;
    } pairs[] = {
        { QPalette::Active, QPalette::WindowText, QPalette::Window, 4.5 },
        { QPalette::Active, QPalette::Text, QPalette::Base, 4.5 },
        { QPalette::Active, QPalette::Text, QPalette::AlternateBase, 4.5 },
        { QPalette::Active, QPalette::ButtonText, QPalette::Button, 4.5 },
        { QPalette::Active, QPalette::HighlightedText, QPalette::Highlight, 4.5 },
        { QPalette::Active, QPalette::ToolTipText, QPalette::ToolTipBase, 4.5 },
        { QPalette::Active, QPalette::Link, QPalette::Base, 4.5 },
        { QPalette::Active, QPalette::LinkVisited, QPalette::Base, 4.5 },
        { QPalette::Active, QPalette::PlaceholderText, QPalette::Base, 4.5 },
        { QPalette::Active, QPalette::PlaceholderText, QPalette::Window, 4.5 }, // secondary lines
        { QPalette::Inactive, QPalette::Text, QPalette::Base, 4.5 },
        { QPalette::Disabled, QPalette::Text, QPalette::Base, 3.0 },
        { QPalette::Disabled, QPalette::WindowText, QPalette::Window, 3.0 },
    };
    for (const auto& pair : pairs) {
        const QColor fg = p.color(pair.group, pair.fg);
        const QColor bg = p.color(pair.group, pair.bg);
        QVERIFY2(contrast(fg, bg) >= pair.min,
            qPrintable(QStringLiteral("role %1/%2 group %3: %4")
                           .arg(pair.fg)
                           .arg(pair.bg)
                           .arg(pair.group)
                           .arg(describe(fg, bg))));
    }
}

void TestTheme::paintedGridShows()
{
    // The painted charts' grid lines must show on the plot (they were white on white in the light
    // palette) and stay fainter than the text.
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    for (const QPalette& p : { fusion->standardPalette(), darkPalette() }) {
        const QColor base = p.color(QPalette::Base);
        const QColor grid = PlotFrame::gridColour(p);
        QVERIFY2(contrast(grid, base) >= 1.25, qPrintable(describe(grid, base)));
        QVERIFY(contrast(grid, base) < contrast(p.color(QPalette::Text), base));
    }
}

void TestTheme::toneColoursRead()
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    for (const QPalette& p : { QApplication::style()->standardPalette(), darkPalette() }) {
        for (TextTone tone : { TextTone::Error, TextTone::Warning, TextTone::Dim }) {
            const QColor c = toneColor(tone, p);
            for (QPalette::ColorRole bg : { QPalette::Window, QPalette::Base }) {
                QVERIFY2(contrast(c, p.color(bg)) >= 4.5,
                    qPrintable(QStringLiteral("tone %1: ").arg(static_cast<int>(tone))
                        + describe(c, p.color(bg))));
            }
        }
    }
    // The tones differ between light and dark: one colour cannot read on both.
    QVERIFY(toneColor(TextTone::Error, darkPalette())
        != toneColor(TextTone::Error, QApplication::style()->standardPalette()));
}

void TestTheme::styledLabelsFollowTheTheme()
{
    applyTheme(Theme::Light);
    QWidget parent;
    auto* error = new QLabel(QStringLiteral("Cannot read /proc/modules"), &parent);
    auto* note = new QLabel(QStringLiteral("How to read this"), &parent);
    auto* banner = new QLabel(QStringLiteral("Process 1234 has ended"), &parent);
    setTextTone(error, TextTone::Error);
    styleBanner(note, BannerTone::Note);
    styleBanner(banner, BannerTone::Error);
    const QColor lightError = error->palette().color(QPalette::WindowText);
    QCOMPARE(lightError, toneColor(TextTone::Error, QApplication::palette()));

    applyTheme(Theme::Dark);
    QCoreApplication::processEvents();
    const QPalette dark = darkPalette();
    QCOMPARE(error->palette().color(QPalette::WindowText), toneColor(TextTone::Error, dark));
    QVERIFY(contrast(error->palette().color(QPalette::WindowText),
                error->palette().color(QPalette::Window))
        >= 4.5);
    // The note takes the dark tooltip colours, not the light ones it was made with.
    QCOMPARE(note->palette().color(QPalette::Window), dark.color(QPalette::ToolTipBase));
    QCOMPARE(note->palette().color(QPalette::WindowText), dark.color(QPalette::ToolTipText));
    // The error strip keeps its own white on red.
    QCOMPARE(banner->palette().color(QPalette::WindowText), QColor(Qt::white));
    QVERIFY(contrast(banner->palette().color(QPalette::WindowText),
                banner->palette().color(QPalette::Window))
        >= 4.5);
    QVERIFY(banner->autoFillBackground());

    // Restyling a label replaces its tone rather than stacking a second one.
    setTextTone(error, TextTone::Warning);
    applyTheme(Theme::Light);
    QCoreApplication::processEvents();
    QCOMPARE(error->palette().color(QPalette::WindowText),
        toneColor(TextTone::Warning, QApplication::palette()));
}

void TestTheme::systemRestoresTheDesktopLook()
{
    // The first applyTheme() of this process remembered the look the test started with.
    applyTheme(Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.5);
    QCOMPARE(currentTheme(), Theme::Dark);
    applyTheme(Theme::System);
    QCOMPARE(currentTheme(), Theme::System);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.5);
}

void TestTheme::menuAppliesAndSaves()
{
    QSettings().clear();
    applyTheme(Theme::System);
    MainWindow window(AppOptions {});
    auto* dark = window.findChild<QAction*>(QStringLiteral("theme-dark"));
    auto* system = window.findChild<QAction*>(QStringLiteral("theme-system"));
    QVERIFY(dark && system);
    QVERIFY(system->isChecked());
    dark->trigger();
    QCoreApplication::processEvents();
    QCOMPARE(currentTheme(), Theme::Dark);
    QCOMPARE(savedTheme(), Theme::Dark);
    QVERIFY(dark->isChecked() && !system->isChecked());
    QVERIFY(window.palette().color(QPalette::Window).lightnessF() < 0.5);
    system->trigger();
    QCOMPARE(savedTheme(), Theme::System);
    QSettings().clear();
}

void TestTheme::everyViewReads_data()
{
    QTest::addColumn<Theme>("theme");
    QTest::newRow("dark") << Theme::Dark;
    QTest::newRow("light") << Theme::Light;
}

void TestTheme::everyViewReads()
{
    QFETCH(Theme, theme);
    const bool dark = theme == Theme::Dark;
    QSettings().clear();
    applyTheme(Theme::System);
    AppOptions options;
    SamplerThread thread;
    MainWindow window(options);
    const AppPages pages = assemblePages(window, options, &thread);
    window.resize(1200, 760);
    window.show();
    thread.start();
    for (Sampler* s : pages.samplers)
        QMetaObject::invokeMethod(s, &Sampler::start, Qt::QueuedConnection);
    QTest::qWait(1500);
    // Switched while running, as from the menu: everything made under the light look must follow.
    applyTheme(theme);
    QTest::qWait(1200); // two samples: rates, charts with lines

    auto* tabs = window.findChild<QTabWidget*>();
    QVERIFY(tabs);
    QStringList problems;
    int viewsChecked = 0, labelsChecked = 0, chartsChecked = 0;
    QSet<QString> seen;
    for (int step = 0; step < 40; ++step) {
        QTest::qWait(150);
        const QString where = tabs->tabText(tabs->currentIndex());
        for (QLabel* label : window.findChildren<QLabel*>()) {
            if (!label->isVisible() || label->text().isEmpty()
                || label->textFormat() == Qt::RichText)
                continue;
            QColor fg = label->palette().color(label->foregroundRole());
            const QColor under = label->palette().color(label->backgroundRole());
            if (fg.alpha() < 255) // Fusion's light placeholder text is half-transparent black
                fg = QColor::fromRgbF(fg.redF() * fg.alphaF() + under.redF() * (1 - fg.alphaF()),
                    fg.greenF() * fg.alphaF() + under.greenF() * (1 - fg.alphaF()),
                    fg.blueF() * fg.alphaF() + under.blueF() * (1 - fg.alphaF()));
            const QColor bg = label->palette().color(label->backgroundRole());
            ++labelsChecked;
            if (contrast(fg, bg) < 4.5)
                problems << where + QStringLiteral(": label \"") + label->text().left(40)
                        + QStringLiteral("\" ") + describe(fg, bg);
        }
        for (QAbstractItemView* view : window.findChildren<QAbstractItemView*>()) {
            if (!view->isVisible() || !view->model())
                continue;
            ++viewsChecked;
            const QColor base = view->palette().color(QPalette::Base);
            const QColor text = view->palette().color(QPalette::Text);
            if (contrast(text, base) < 4.5)
                problems << where + QStringLiteral(": view ") + nameOf(view) + describe(text, base);
            QAbstractItemModel* m = view->model();
            for (int r = 0; r < std::min(m->rowCount(), 40); ++r) {
                for (int c = 0; c < m->columnCount(); ++c) {
                    const QVariant v = m->index(r, c).data(Qt::ForegroundRole);
                    if (!v.isValid())
                        continue;
                    const QColor fg
                        = v.canConvert<QBrush>() ? v.value<QBrush>().color() : v.value<QColor>();
                    if (contrast(fg, base) < 4.5)
                        problems << where + QStringLiteral(": cell ") + nameOf(view)
                                + QStringLiteral(" %1,%2 ").arg(r).arg(c) + describe(fg, base);
                }
            }
        }
        for (QWidget* w : window.findChildren<QWidget*>()) {
            if (!w->isVisible() || w->width() < 50 || w->height() < 50)
                continue;
            const bool painted = dynamic_cast<TimeChart*>(w) || dynamic_cast<MemoryHistoryChart*>(w)
                || dynamic_cast<DistributionBars*>(w) || dynamic_cast<IrqHeatmap*>(w)
                || dynamic_cast<CpuCoreBars*>(w);
            if (!painted)
                continue;
            ++chartsChecked;
            seen << QString::fromLatin1(typeid(*w).name());
            const QColor bg = dominantColour(w->grab().toImage());
            if ((bg.lightnessF() > 0.5) != !dark)
                problems << where + QStringLiteral(": chart ") + nameOf(w)
                        + QStringLiteral(" draws on ") + bg.name();
            if (auto* host = qobject_cast<ChartHost*>(w); host && host->chart()) {
                for (QAbstractAxis* axis : host->chart()->axes()) {
                    const QColor fg = axis->labelsBrush().color();
                    if (contrast(fg, bg) < 4.5)
                        problems << where + QStringLiteral(": axis labels of ") + nameOf(w)
                                + describe(fg, bg);
                }
            }
        }
        window.showNextView();
        if (tabs->currentIndex() == 0 && step > 4)
            break; // one round of every page and tab
    }
    thread.stop();
    applyTheme(Theme::System);
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
    // The walk saw the window's content, not an empty shell.
    QVERIFY2(labelsChecked > 20, qPrintable(QString::number(labelsChecked)));
    QVERIFY2(viewsChecked > 6, qPrintable(QString::number(viewsChecked)));
    QVERIFY2(chartsChecked >= 6, qPrintable(QString::number(chartsChecked)));
    QVERIFY2(seen.contains(QString::fromLatin1(typeid(MemoryHistoryChart).name()))
            && seen.contains(QString::fromLatin1(typeid(TimeSeriesChart).name())),
        qPrintable(QStringList(seen.begin(), seen.end()).join(QLatin1Char(' '))));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"

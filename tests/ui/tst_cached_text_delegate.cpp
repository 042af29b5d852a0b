// SPDX-License-Identifier: GPL-3.0-or-later
// The cached-text delegate draws what Qt's own delegate draws (text, alignment, elision, selection
// colours) and lays each string out once.

#include "ui/common/CachedTextDelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTest>
#include <QTreeView>

using namespace pg;

class TestCachedTextDelegate : public QObject
{
    Q_OBJECT
private slots:
    void drawsLikeQtsDelegate();
    void layoutCachedPerStringAndWidth();
    void elidesToTheCellWidth();
    void fallsBackForIcons();
    void sizeHintLikeQtsDelegate();

private:
    static QStandardItemModel* makeModel(QObject* parent)
    {
        auto* model = new QStandardItemModel(0, 3, parent);
        for (int r = 0; r < 6; ++r) {
            QList<QStandardItem*> row;
            row << new QStandardItem(QString::number(1000 + r * 37));
            row << new QStandardItem(QStringLiteral("%1 %").arg(r * 3.5, 0, 'f', 1));
            row << new QStandardItem(
                QStringLiteral("/usr/lib/x86_64-linux-gnu/some-long-library-name-%1.so").arg(r));
            row[0]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row[1]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (r == 2)
                row[2]->setForeground(QColor(0xb0, 0x00, 0x20));
            model->appendRow(row);
        }
        return model;
    }
    static QImage render(bool cached)
    {
        QTreeView view;
        view.setRootIsDecorated(false);
        view.setAlternatingRowColors(true);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setTextElideMode(Qt::ElideRight);
        view.setModel(makeModel(&view));
        if (cached)
            view.setItemDelegate(new CachedTextDelegate(&view));
        view.header()->resizeSection(0, 70);
        view.header()->resizeSection(1, 70);
        view.resize(330, 200);
        view.selectionModel()->select(
            view.model()->index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.show();
        return view.viewport()->grab().toImage();
    }
};

void TestCachedTextDelegate::drawsLikeQtsDelegate()
{
    const QImage qt = render(false);
    const QImage ours = render(true);
    if (qEnvironmentVariableIsSet("PG_DUMP_DELEGATE")) {
        qt.save(QStringLiteral("/tmp/delegate-qt.png"));
        ours.save(QStringLiteral("/tmp/delegate-ours.png"));
    }
    QCOMPARE(ours.size(), qt.size());
    // Same glyphs at the same places (identical with DejaVu here; a few edge pixels are allowed
    // for other fonts' hinting), never a moved or missing word.
    int differing = 0;
    for (int y = 0; y < qt.height(); ++y)
        for (int x = 0; x < qt.width(); ++x)
            differing += qt.pixel(x, y) != ours.pixel(x, y);
    const int total = qt.width() * qt.height();
    QVERIFY2(differing * 1000 < total,
        qPrintable(QStringLiteral("%1 of %2 pixels differ").arg(differing).arg(total)));
    // And something was drawn at all: text pixels in the elided path column.
    int dark = 0;
    for (int y = 0; y < ours.height(); ++y)
        for (int x = 150; x < ours.width(); ++x)
            dark += qGray(ours.pixel(x, y)) < 128;
    QVERIFY(dark > 50);
}

void TestCachedTextDelegate::layoutCachedPerStringAndWidth()
{
    QTreeView view;
    view.setModel(makeModel(&view));
    auto* delegate = new CachedTextDelegate(&view);
    view.setItemDelegate(delegate);
    view.header()->setStretchLastSection(false);
    view.resize(400, 200);
    view.show();
    (void)view.viewport()->grab();
    const qsizetype first = delegate->cachedCount();
    QVERIFY(first >= 18); // 6 rows x 3 columns, all different strings
    (void)view.viewport()->grab();
    QCOMPARE(delegate->cachedCount(), first); // repainting lays nothing out again
    view.header()->resizeSection(1, 120); // a new width: that column's strings again
    (void)view.viewport()->grab();
    QCOMPARE(delegate->cachedCount(), first + 6);
    // Bounded: two generations of kMaxCached at most.
    const QFont font = view.font();
    const QFontMetrics metrics(font);
    for (int i = 0; i < CachedTextDelegate::kMaxCached + 10; ++i)
        delegate->shownText(QString::number(i), font, 100, Qt::ElideRight, metrics);
    QVERIFY(delegate->cachedCount() <= 2 * CachedTextDelegate::kMaxCached);
    // What is still in use survives a generation change: the first string, used again now, is
    // kept through the next kMaxCached new ones.
    const QStaticText& again
        = delegate->shownText(QStringLiteral("keep me"), font, 100, Qt::ElideRight, metrics);
    const QString keptText = again.text();
    for (int i = 0; i < CachedTextDelegate::kMaxCached - 1; ++i)
        delegate->shownText(QStringLiteral("n%1").arg(i), font, 100, Qt::ElideRight, metrics);
    const qsizetype before = delegate->cachedCount();
    delegate->shownText(QStringLiteral("keep me"), font, 100, Qt::ElideRight, metrics);
    QCOMPARE(delegate->cachedCount(), before); // found, not laid out again
    QCOMPARE(keptText, QStringLiteral("keep me"));
}

void TestCachedTextDelegate::elidesToTheCellWidth()
{
    CachedTextDelegate delegate;
    const QFont font = QApplication::font();
    const QFontMetrics metrics(font);
    const QString path = QStringLiteral("/root/.pyenv/versions/3.11.4/lib/python3.11/x.so");
    const QStaticText& right = delegate.shownText(path, font, 80, Qt::ElideRight, metrics);
    QVERIFY(right.text().endsWith(QChar(0x2026)));
    QVERIFY(right.size().width() <= 80);
    const QStaticText& left = delegate.shownText(path, font, 80, Qt::ElideLeft, metrics);
    QVERIFY(left.text().startsWith(QChar(0x2026)));
    QVERIFY(left.text().endsWith(QStringLiteral("x.so")));
    const QStaticText& fits
        = delegate.shownText(QStringLiteral("42"), font, 80, Qt::ElideRight, metrics);
    QCOMPARE(fits.text(), QStringLiteral("42"));
    // At the edge: whether a text is elided is what QFontMetrics::horizontalAdvance (Qt's own
    // delegate's test) says, at one pixel either side of its advance.
    for (const QString& text : { QStringLiteral("1,234,567"), QStringLiteral("53.5 MiB"),
             QStringLiteral("/usr/bin/python3 -c import time"), QStringLiteral("[kworker/1:1]") }) {
        const int advance = metrics.horizontalAdvance(text);
        for (int width : { advance - 1, advance, advance + 1 }) {
            const QStaticText& shown
                = delegate.shownText(text, font, width, Qt::ElideRight, metrics);
            QCOMPARE(shown.text() != text, advance > width);
        }
    }
}

void TestCachedTextDelegate::fallsBackForIcons()
{
    QTreeView view;
    auto* model = new QStandardItemModel(1, 1, &view);
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::red);
    model->setItem(0, 0, new QStandardItem(QIcon(pixmap), QStringLiteral("with icon")));
    view.setModel(model);
    auto* delegate = new CachedTextDelegate(&view);
    view.setItemDelegate(delegate);
    view.resize(200, 100);
    view.show();
    const QImage image = view.viewport()->grab().toImage();
    QCOMPARE(delegate->cachedCount(), qsizetype(0)); // Qt's delegate drew it
    int red = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < 40; ++x)
            red += image.pixel(x, y) == qRgb(255, 0, 0);
    QVERIFY(red > 100); // and the icon is there
}

void TestCachedTextDelegate::sizeHintLikeQtsDelegate()
{
    // The cached size of a plain cell is the style's, for every text and font; an icon cell and
    // a model's own size hint go to Qt's delegate and are not cached.
    QTreeView view;
    QStandardItemModel* model = makeModel(&view);
    QFont bold = view.font();
    bold.setBold(true);
    bold.setPointSize(bold.pointSize() + 3);
    model->item(4, 2)->setFont(bold);
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::red);
    model->item(5, 0)->setIcon(QIcon(pixmap));
    model->item(5, 1)->setSizeHint(QSize(123, 45));
    view.setModel(model);
    auto* cached = new CachedTextDelegate(&view);
    view.setItemDelegate(cached);
    view.resize(330, 200);
    view.show();
    QStyledItemDelegate qt;
    QStyleOptionViewItem option;
    option.initFrom(view.viewport());
    option.font = view.font();
    option.fontMetrics = view.fontMetrics();
    for (int pass = 0; pass < 2; ++pass) { // the second from the cache
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QModelIndex index = model->index(r, c);
                QCOMPARE(cached->sizeHint(option, index), qt.sizeHint(option, index));
            }
        }
    }
    QCOMPARE(cached->sizeHint(option, model->index(5, 1)), QSize(123, 45));
    // One entry per distinct plain text and font: 6 rows x 3 columns, less the two Qt's.
    QCOMPARE(cached->cachedSizeCount(), qsizetype(6 * 3 - 2));
    QVERIFY(qt.sizeHint(option, model->index(4, 2)).height()
        > qt.sizeHint(option, model->index(3, 2)).height()); // the bold row really differs
}

QTEST_MAIN(TestCachedTextDelegate)
#include "tst_cached_text_delegate.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/memory/MapTotalsView.h"

#include "ui/common/Banner.h"
#include "ui/common/Format.h"

#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace pg {

namespace {

struct RowDef
{
    const char* name;
    const char* metric;
    const char* meaning;
};

const RowDef kRows[] = {
    { "VIRT", "proc.psinfo.vsize", "every mapping's size, touched or not" },
    { "RES", "proc.memory.rss", "resident: in RAM now (statm)" },
    { "SHR", "proc.memory.share", "resident and file-backed or shared (statm)" },
    { "Rss", "proc.smaps.rss", "resident, summed over the mappings" },
    { "Pss", "proc.smaps.pss",
        "resident, each shared page divided among the processes mapping it" },
    { "Pss_Anon", "proc.smaps.pss_anon", "the Pss of anonymous memory (heap, stacks)" },
    { "Pss_File", "proc.smaps.pss_file", "the Pss of file-backed memory (code, data files)" },
    { "Pss_Shmem", "proc.smaps.pss_shmem", "the Pss of shared memory (tmpfs, shm, memfd)" },
    { "USS", "proc.smaps.private_clean + private_dirty",
        "unique: what only this process holds, freed when it exits" },
    { "Shared_Clean", "proc.smaps.shared_clean", "shared with other processes, unmodified" },
    { "Shared_Dirty", "proc.smaps.shared_dirty", "shared with other processes, modified" },
    { "Private_Clean", "proc.smaps.private_clean", "only this process's, unmodified" },
    { "Private_Dirty", "proc.smaps.private_dirty", "only this process's, modified" },
    { "Referenced", "proc.smaps.referenced", "marked as accessed recently" },
    { "Anonymous", "proc.smaps.anonymous", "not backed by a file" },
    { "LazyFree", "proc.smaps.lazyfree", "freed with MADV_FREE, not yet reclaimed" },
    { "AnonHugePages", "proc.smaps.anonhugepages", "anonymous memory in transparent huge pages" },
    { "Swap", "proc.smaps.swap", "swapped out" },
    { "SwapPss", "proc.smaps.swappss", "swapped out, each shared page divided among its sharers" },
    { "Locked", "proc.smaps.locked", "locked in RAM (mlock)" },
};

const PcpDetail<std::uint64_t>* valueOf(const PcpProcessDetails& d, std::string_view name)
{
    const PcpSmapsTotals& s = d.smaps;
    const std::pair<std::string_view, const PcpDetail<std::uint64_t>*> table[] = {
        { "VIRT", &d.sizeKib },
        { "RES", &d.rssKib },
        { "SHR", &d.shareKib },
        { "Rss", &s.rssKib },
        { "Pss", &s.pssKib },
        { "Pss_Anon", &s.pssAnonKib },
        { "Pss_File", &s.pssFileKib },
        { "Pss_Shmem", &s.pssShmemKib },
        { "Shared_Clean", &s.sharedCleanKib },
        { "Shared_Dirty", &s.sharedDirtyKib },
        { "Private_Clean", &s.privateCleanKib },
        { "Private_Dirty", &s.privateDirtyKib },
        { "Referenced", &s.referencedKib },
        { "Anonymous", &s.anonymousKib },
        { "LazyFree", &s.lazyFreeKib },
        { "AnonHugePages", &s.anonHugePagesKib },
        { "Swap", &s.swapKib },
        { "SwapPss", &s.swapPssKib },
        { "Locked", &s.lockedKib },
    };
    for (const auto& [n, v] : table) {
        if (n == name)
            return v;
    }
    return nullptr;
}

} // namespace

MapTotalsView::MapTotalsView(const QString& why, QWidget* parent)
    : QWidget(parent)
    , m_why(new QLabel(why, this))
    , m_smapsMessage(new QLabel(this))
    , m_note(new QLabel(this))
{
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::PlainText);
    m_why->setObjectName(QStringLiteral("mapTotalsWhy"));
    styleBanner(m_why, BannerTone::Warning, 6);
    auto* box = new QGroupBox(tr("This process's smaps totals (all its mappings together)"), this);
    auto* grid = new QGridLayout(box);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(3, 1);
    int r = 0;
    for (const RowDef& def : kRows) {
        const QString name = QString::fromLatin1(def.name);
        auto* label = new QLabel(name + QLatin1Char(':'), box);
        auto* value = new QLabel(QStringLiteral("–"), box);
        auto* meaning = new QLabel(tr(def.meaning), box);
        auto* metric = new QLabel(QString::fromLatin1(def.metric), box);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        setTextTone(metric, TextTone::Dim);
        for (QLabel* l : { label, value, meaning, metric })
            l->setToolTip(
                tr("%1 (%2): %3").arg(name, QString::fromLatin1(def.metric), tr(def.meaning)));
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        auto* reason = new QLabel(box);
        reason->setWordWrap(true);
        reason->setTextFormat(Qt::PlainText);
        reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
        reason->setVisible(false);
        setTextTone(reason, TextTone::Error);
        grid->addWidget(label, r, 0, Qt::AlignRight);
        grid->addWidget(value, r, 1);
        grid->addWidget(metric, r, 2);
        grid->addWidget(meaning, r, 3);
        grid->addWidget(reason, r, 3);
        Row row;
        row.name = name;
        row.meaning = meaning->text();
        row.smaps = std::string_view(def.metric).starts_with("proc.smaps.");
        row.labels = { label, value, metric };
        row.value = value;
        row.meaningLabel = meaning;
        row.reasonLabel = reason;
        m_rows.push_back(std::move(row));
        ++r;
    }
    m_smapsMessage->setWordWrap(true);
    m_smapsMessage->setTextFormat(Qt::PlainText);
    m_smapsMessage->setVisible(false);
    setTextTone(m_smapsMessage, TextTone::Error);
    grid->addWidget(m_smapsMessage, r, 0, 1, 4);
    m_note->setWordWrap(true);
    setTextTone(m_note, TextTone::Dim);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_why);
    layout->addWidget(box);
    layout->addWidget(m_note);
    layout->addStretch(1);
}

QString MapTotalsView::whyText() const
{
    return m_why->text();
}

QString MapTotalsView::value(const QString& name) const
{
    for (const Row& row : m_rows) {
        if (row.name == name)
            return row.value->text();
    }
    return {};
}

QString MapTotalsView::note(const QString& name) const
{
    for (const Row& row : m_rows) {
        if (row.name == name)
            return row.reasonLabel->isHidden() ? row.meaningLabel->text() : row.reasonLabel->text();
    }
    return {};
}

bool MapTotalsView::rowShown(const QString& name) const
{
    for (const Row& row : m_rows) {
        if (row.name == name)
            return !row.value->isHidden();
    }
    return false;
}

QString MapTotalsView::smapsMessage() const
{
    return m_smapsMessage->isHidden() ? QString() : m_smapsMessage->text();
}

// A missing value is a dash, and the row says why where its meaning was (a long reason in the
// narrow value column would be cut).
void MapTotalsView::setRow(Row& row, const PcpDetail<std::uint64_t>& v, bool shown)
{
    row.value->setText(v ? fmt::kib(*v) : QStringLiteral("–"));
    row.reasonLabel->setText(QString::fromStdString(v.why));
    for (QLabel* l : row.labels)
        l->setVisible(shown);
    row.meaningLabel->setVisible(shown && v);
    row.reasonLabel->setVisible(shown && !v);
}

void MapTotalsView::setDetails(const PcpProcessDetails& d)
{
    auto valueOfRow = [&d](const Row& row) {
        return row.name == QLatin1String("USS") ? d.smaps.ussKib()
                                                : *valueOf(d, row.name.toStdString());
    };
    bool anySmaps = false;
    for (const Row& row : m_rows)
        anySmaps |= row.smaps && valueOfRow(row).value.has_value();
    // None of proc.smaps.* (a recording without them, an old pmdaproc): one line instead of a
    // column of dashes.
    for (Row& row : m_rows)
        setRow(row, valueOfRow(row), !row.smaps || anySmaps);
    m_smapsMessage->setVisible(!anySmaps);
    m_smapsMessage->setText(
        tr("No smaps totals: %1").arg(QString::fromStdString(d.smaps.pssKib.why)));
    const qint64 ms = static_cast<qint64>(d.timestampSec * 1000.0);
    m_note->setText(
        tr("From Performance Co-Pilot: pmdaproc on %1, fetched for this process only "
           "(as of %2).%3")
            .arg(QString::fromStdString(d.source),
                QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                d.kernelThread ? tr(" A kernel thread has no memory of its own: no mappings.")
                               : QString()));
}

} // namespace pg

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/ExportDialog.h"

#include "core/export/CsvWriter.h"
#include "ui/common/Banner.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace pg {

namespace {

const char kFolderKey[] = "export/folder";

QString defaultFolder()
{
    // Only a folder that exists: a relative path would follow the current directory.
    const QString saved = QSettings().value(QLatin1String(kFolderKey)).toString();
    if (QDir::isAbsolutePath(saved) && QFileInfo(saved).isDir())
        return saved;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

} // namespace

ExportSource exportSource(ExportTableId table, std::function<ExportTable()> produce,
    const QString& variant, const QString& variantTitle)
{
    const ExportTableInfo& info = exportTable(table);
    auto text = [](std::string_view s) {
        return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    };
    ExportSource source { text(info.name), text(info.title), std::move(produce), {}, {} };
    source.fileStem = variant.isEmpty() ? source.id : source.id + QLatin1Char('-') + variant;
    if (!variantTitle.isEmpty())
        source.title = variantTitle;
    return source;
}

ExportDialog::ExportDialog(
    const QList<ExportSource>& sources, const QString& currentPageId, QWidget* parent)
    : QDialog(parent)
    , m_sources(sources)
    , m_all(new QRadioButton(this))
    , m_current(new QRadioButton(this))
    , m_folder(new QLineEdit(this))
    , m_result(new QLabel(this))
    , m_exportButton(new QPushButton(tr("&Export"), this))
{
    setWindowTitle(tr("Export snapshot"));
    for (int i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).page == currentPageId)
            m_currentIndex = i;
    }
    QStringList titles;
    for (const ExportSource& s : m_sources)
        titles << s.title;
    m_all->setText(
        tr("&Every table, one CSV file each (%1)").arg(titles.join(QStringLiteral(", "))));
    if (m_currentIndex >= 0) {
        m_current->setText(
            tr("&Only this page's table: %1").arg(m_sources.at(m_currentIndex).title));
        m_current->setChecked(true);
    } else {
        m_current->setText(tr("&Only this page's table (this page has none)"));
        m_current->setEnabled(false);
        m_all->setChecked(true);
    }

    m_folder->setText(defaultFolder());
    m_folder->setToolTip(tr("The CSV files are written here, named procglass-<table>-<time>.csv"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    auto* explanation = new QLabel(
        tr("Writes CSV (RFC 4180: UTF-8, comma, CRLF, one header row) as the tables are "
           "when you press Export. The process table has every process and every "
           "column, not only those on screen."),
        this);
    explanation->setWordWrap(true);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_exportButton, QDialogButtonBox::AcceptRole);
    m_exportButton->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_all);
    layout->addWidget(m_current);
    auto* form = new QFormLayout;
    auto* folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(620, sizeHint().height());

    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseFolder);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ExportDialog::fileName(const QString& id, const QDateTime& when)
{
    // No ':' in the name: it is not allowed on every file system the folder may live on.
    return QStringLiteral("procglass-%1-%2.csv")
        .arg(id, when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHHmmssZ")));
}

QList<ExportOutcome> ExportDialog::exportTables(
    const QList<ExportSource>& sources, const QString& folder, const QDateTime& when)
{
    QList<ExportOutcome> outcomes;
    const QFileInfo dir(folder);
    for (const ExportSource& source : sources) {
        ExportOutcome outcome;
        outcome.title = source.title;
        if (folder.isEmpty()) {
            outcome.error = tr("choose a folder first");
        } else if (!dir.exists()) {
            outcome.error = tr("the folder %1 does not exist").arg(folder);
        } else if (!dir.isDir()) {
            outcome.error = tr("%1 is a file, not a folder").arg(folder);
        } else {
            const ExportTable table
                = source.produce ? source.produce() : ExportTable { {}, tr("nothing to export") };
            if (!table.unavailable.isEmpty()) {
                outcome.error = table.unavailable;
            } else {
                const QString path = QDir(folder).filePath(
                    fileName(source.fileStem.isEmpty() ? source.id : source.fileStem, when));
                const CsvWriteStatus status
                    = writeCsvFile(QFile::encodeName(path).toStdString(), table.table);
                if (status.ok())
                    outcome.path = path;
                else
                    outcome.error = QString::fromLocal8Bit(status.message.c_str());
            }
        }
        outcomes << outcome;
    }
    return outcomes;
}

QString ExportDialog::folder() const
{
    return m_folder->text().trimmed();
}

void ExportDialog::setFolder(const QString& folder)
{
    m_folder->setText(folder);
}

void ExportDialog::setOnlyCurrent(bool only)
{
    if (only && m_current->isEnabled())
        m_current->setChecked(true);
    else
        m_all->setChecked(true);
}

bool ExportDialog::exportNow()
{
    QList<ExportSource> chosen;
    if (m_current->isChecked() && m_currentIndex >= 0)
        chosen << m_sources.at(m_currentIndex);
    else
        chosen = m_sources;
    m_outcomes = exportTables(chosen, folder(), QDateTime::currentDateTimeUtc());
    bool allWritten = !m_outcomes.isEmpty();
    for (const ExportOutcome& o : m_outcomes)
        allWritten = allWritten && o.error.isEmpty();
    if (allWritten)
        QSettings().setValue(QLatin1String(kFolderKey), folder());
    showOutcomes();
    return allWritten;
}

void ExportDialog::chooseFolder()
{
    const QString chosen
        = QFileDialog::getExistingDirectory(this, tr("Export into folder"), folder());
    if (!chosen.isEmpty())
        m_folder->setText(chosen);
}

void ExportDialog::showOutcomes()
{
    const QString errorColour = toneColor(TextTone::Error, palette()).name();
    QString html;
    for (const ExportOutcome& o : m_outcomes) {
        if (o.error.isEmpty())
            html += tr("<p>%1: written to <b>%2</b></p>")
                        .arg(o.title.toHtmlEscaped(), o.path.toHtmlEscaped());
        else
            html += tr("<p style=\"color:%1\">%2: <b>not exported</b>: %3</p>")
                        .arg(errorColour, o.title.toHtmlEscaped(), o.error.toHtmlEscaped());
    }
    if (m_outcomes.isEmpty())
        html = tr("<p style=\"color:%1\">There is no table to export.</p>").arg(errorColour);
    m_result->setText(html);
    m_result->setVisible(true);
    adjustSize(); // room for every line of the outcome
}

} // namespace pg

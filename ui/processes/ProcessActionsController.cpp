// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/processes/ProcessActionsController.h"

#include "ui/common/Format.h"
#include "ui/processes/ProcessTableModel.h"
#include "ui/processes/ProcessTablePage.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <csignal>

namespace pg {

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

constexpr int kListed = 12; // processes named in a dialog before "and N more"

QString processes(qsizetype n)
{
    return n == 1 ? ProcessActionsController::tr("1 process")
                  : ProcessActionsController::tr("%1 processes").arg(n);
}

} // namespace

ProcessActionsController::ProcessActionsController(
    ProcessTablePage* page, const QString& procRoot, QWidget* dialogParent)
    : ProcessActionsController(page, checkProcRoot(procRoot.toStdString()), dialogParent)
{ }

ProcessActionsController::ProcessActionsController(
    ProcessTablePage* page, ProcRootCheck root, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_page(page)
    , m_dialogParent(dialogParent)
    , m_menu(new QMenu(tr("P&rocess"), dialogParent))
    , m_root(std::move(root))
{
    if (!m_root.actionsAllowed()) {
        // The first line of the menu (and of the context menu) says why everything is grey.
        QAction* why = m_menu->addAction(disabledSummary());
        why->setToolTip(disabledReason());
        why->setStatusTip(disabledReason());
        m_menu->addSeparator();
    }
    for (const SignalChoice& s : supportedSignals()) {
        const int signal = s.signal;
        if (signal == SIGSTOP || signal == SIGHUP)
            m_menu->addSeparator();
        QAction* a = m_menu->addAction(
            tr("Send %1").arg(q(s.name)), this, [this, signal] { requestSignal(signal); });
        a->setToolTip(q(s.meaning));
        a->setStatusTip(tr("%1: %2").arg(q(s.name), q(s.meaning)));
        m_processActions << a;
        if (signal == SIGTERM)
            a->setShortcut(QKeySequence(Qt::Key_Delete));
    }
    m_menu->addSeparator();
    m_processActions << m_menu->addAction(
        tr("Change &nice value…"), this, &ProcessActionsController::requestNice);
    for (QAction* a : std::as_const(m_processActions))
        a->setProperty("pgToolTip", a->toolTip());
    m_menu->setToolTipsVisible(true);
    if (!m_root.actionsAllowed()) {
        // Disabled actions do not fire their shortcuts (Delete) either.
        for (QAction* a : m_menu->actions()) {
            a->setEnabled(false);
            if (!a->isSeparator()) {
                a->setToolTip(disabledReason());
                a->setStatusTip(disabledReason());
            }
        }
        m_menu->setToolTip(disabledReason());
    }
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(m_dialogParent, tr("Confirm"), question,
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    m_chooseNice = [this](int current) -> std::optional<int> {
        bool ok = false;
        const int value = QInputDialog::getInt(m_dialogParent, tr("Change nice value"),
            tr("Nice value, from -20 (highest priority) to 19 (lowest).\n"
               "Lowering it below the current value needs root (CAP_SYS_NICE)."),
            current, -20, 19, 1, &ok);
        return ok ? std::optional<int>(value) : std::nullopt;
    };
    m_report = [this](const QString& errors) {
        QMessageBox::warning(m_dialogParent, tr("Action failed"), errors);
    };
}

QString ProcessActionsController::disabledReason() const
{
    return QString::fromStdString(m_root.reason);
}

QString ProcessActionsController::disabledSummary() const
{
    switch (m_root.scope) {
    case ProcRootScope::Ours:
        break;
    case ProcRootScope::OtherPidNamespace:
        return tr("Signals and renice disabled: this /proc belongs to another PID namespace");
    case ProcRootScope::Fixture:
        return tr("Signals and renice disabled: not the live /proc");
    case ProcRootScope::RemoteHost:
        return tr("Signals and renice disabled: a remote host");
    case ProcRootScope::Recording:
        return tr("Signals and renice disabled: a recording");
    }
    return {};
}

QString ProcessActionsController::describe(const ProcessKey& key) const
{
    const ProcessTableModel* model = m_page->model();
    const int row = model->rowOf(key);
    if (row < 0)
        return tr("%1 (exited)").arg(key.pid);
    const ProcessTableModel::Row& r = model->row(row);
    QString command = r.command();
    if (command.size() > 80)
        command = command.left(79) + QChar(0x2026);
    return tr("%1 %2 (%3)").arg(key.pid).arg(r.comm(), command);
}

QString ProcessActionsController::processList(const QList<ProcessKey>& keys) const
{
    QStringList lines;
    for (int i = 0; i < keys.size() && i < kListed; ++i)
        lines << describe(keys[i]);
    if (keys.size() > kListed)
        lines << tr("… and %1 more").arg(keys.size() - kListed);
    return lines.join(QLatin1Char('\n'));
}

QString ProcessActionsController::confirmationText(int signal, const QList<ProcessKey>& keys) const
{
    QString meaning;
    for (const SignalChoice& s : supportedSignals()) {
        if (s.signal == signal)
            meaning = q(s.meaning);
    }
    return tr("Send %1 to %2?\n%1: %3.").arg(q(signalName(signal)), processes(keys.size()), meaning)
        + QStringLiteral("\n\n") + processList(keys);
}

void ProcessActionsController::requestSignal(int signal)
{
    if (!m_root.actionsAllowed()) {
        emit statusMessage(disabledReason());
        return;
    }
    const QList<ProcessKey> keys = m_page->selectedProcesses();
    if (keys.isEmpty()) {
        emit statusMessage(tr("Select one or more processes first."));
        return;
    }
    if (!m_confirm(confirmationText(signal, keys)))
        return;
    ActionRequest request;
    request.kind = ActionRequest::Signal;
    request.value = signal;
    request.keys.assign(keys.cbegin(), keys.cend());
    emit actionRequested(request);
}

void ProcessActionsController::requestNice()
{
    if (!m_root.actionsAllowed()) {
        emit statusMessage(disabledReason());
        return;
    }
    const QList<ProcessKey> keys = m_page->selectedProcesses();
    if (keys.isEmpty()) {
        emit statusMessage(tr("Select one or more processes first."));
        return;
    }
    const int row = m_page->model()->rowOf(keys.first());
    const int current = row >= 0 ? static_cast<int>(m_page->model()->row(row).info->nice) : 0;
    const std::optional<int> nice = m_chooseNice(current);
    if (!nice)
        return;
    if (!m_confirm(tr("Set the nice value of %1 to %2?").arg(processes(keys.size())).arg(*nice)
            + QStringLiteral("\n\n") + processList(keys)))
        return;
    ActionRequest request;
    request.kind = ActionRequest::Nice;
    request.value = *nice;
    request.keys.assign(keys.cbegin(), keys.cend());
    emit actionRequested(request);
}

void ProcessActionsController::updateEnabled()
{
    if (!m_root.actionsAllowed())
        return; // disabled for good, with the namespace's reason
    const ProcessTableModel* model = m_page->model();
    int kernelThreads = 0;
    for (const ProcessKey& key : m_page->selectedProcesses()) {
        const int row = model->rowOf(key);
        kernelThreads += row >= 0 && model->row(row).info->kernelThread;
    }
    const QString why = kernelThreads == 0
        ? QString()
        : tr("Disabled: the selection holds %1 kernel thread(s). A kernel thread runs only in "
             "the kernel: it ignores or blocks the signals user space sends, and its priority "
             "belongs to the kernel.")
              .arg(kernelThreads);
    for (QAction* a : std::as_const(m_processActions)) {
        a->setEnabled(kernelThreads == 0);
        a->setToolTip(why.isEmpty() ? a->property("pgToolTip").toString() : why);
    }
}

void ProcessActionsController::showContextMenu(const QPoint& globalPos)
{
    if (!m_page->selectedProcesses().isEmpty())
        m_menu->popup(globalPos);
}

void ProcessActionsController::showResult(ActionReportPtr report)
{
    if (!report)
        return;
    const ActionRequest& r = report->request;
    const QString what
        = r.kind == ActionRequest::Signal ? q(signalName(r.value)) : tr("nice %1").arg(r.value);
    QStringList failures;
    int done = 0;
    for (const ActionOutcome& o : report->outcomes) {
        if (o.ok())
            ++done;
        else
            failures << tr("%1: %2").arg(describe(o.key), q(o.message));
    }
    if (r.kind == ActionRequest::Signal)
        emit statusMessage(tr("%1 sent to %2").arg(what, processes(done)));
    else
        emit statusMessage(tr("Nice value set to %1 for %2").arg(r.value).arg(processes(done)));
    if (!failures.isEmpty()) {
        const QString header = r.kind == ActionRequest::Signal
            ? tr("Could not send %1 to %2:").arg(what, processes(failures.size()))
            : tr("Could not change the nice value of %1:").arg(processes(failures.size()));
        m_report(header + QStringLiteral("\n\n") + failures.join(QLatin1Char('\n')));
    }
}

} // namespace pg

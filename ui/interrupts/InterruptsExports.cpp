// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/interrupts/InterruptsExports.h"

#include "core/export/InterruptsCsv.h"
#include "core/export/SoftirqsCsv.h"

#include <QCoreApplication>

namespace pg {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("InterruptsExports", text);
}

} // namespace

QList<ExportSource> interruptsExportSources(std::function<InterruptsSnapshotPtr()> last)
{
    auto unavailable = [](const InterruptsSnapshotPtr& snap, Error error, const char* file) {
        if (!snap)
            return tr("no interrupts sample has been taken yet");
        return tr("cannot read %1: %2")
            .arg(QLatin1String(file), QString::fromUtf8(errorText(error).data()));
    };
    return {
        exportSource(ExportTableId::Interrupts,
            [last, unavailable] {
                const InterruptsSnapshotPtr snap = last();
                if (!snap || snap->interruptsError != Error::None)
                    return ExportTable { {},
                        unavailable(
                            snap, snap ? snap->interruptsError : Error::None, "interrupts") };
                return ExportTable { interruptsSnapshotToCsv(*snap), {} };
            }),
        exportSource(ExportTableId::Softirqs,
            [last, unavailable] {
                const InterruptsSnapshotPtr snap = last();
                if (!snap || snap->softirqsError != Error::None)
                    return ExportTable { {},
                        unavailable(snap, snap ? snap->softirqsError : Error::None, "softirqs") };
                return ExportTable { softirqsToCsv(snap->softirqs, &snap->softirqRates), {} };
            }),
    };
}

} // namespace pg

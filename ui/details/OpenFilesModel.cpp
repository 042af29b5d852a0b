// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/OpenFilesModel.h"

#include "ui/common/Banner.h"
#include "ui/common/Format.h"

#include <QColor>
#include <QGuiApplication>

namespace pg {

OpenFilesModel::OpenFilesModel(QObject* parent)
    : KeyedRowsModel<OpenFile>(parent)
{ }

int OpenFilesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OpenFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Fd:
            return tr("File descriptor number (/proc/PID/fd/N)");
        case Kind:
            return tr("What the descriptor refers to, from the link text");
        case Target:
            return tr("The link target: a path, socket:[inode], pipe:[inode], anon_inode:type …");
        case Position:
            return tr("File offset, \"pos\" in /proc/PID/fdinfo/N");
        case Flags:
            return tr("open(2) flags, \"flags\" (octal) in /proc/PID/fdinfo/N");
        case MountId:
            return tr("Mount id (mnt_id in fdinfo; see /proc/PID/mountinfo)");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Fd:
        return tr("FD");
    case Kind:
        return tr("Kind");
    case Target:
        return tr("Target");
    case Position:
        return tr("Position");
    case Flags:
        return tr("Flags");
    case MountId:
        return tr("Mount");
    }
    return {};
}

QString OpenFilesModel::keyOf(const OpenFile& row) const
{
    return QString::number(row.fd);
}

QVariant OpenFilesModel::value(const OpenFile& row, int column, int role) const
{
    const bool haveInfo = row.info.has_value();
    const QString unknown = QStringLiteral("–");
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Fd:
            return row.fd;
        case Kind:
            return QString::fromLatin1(fdKindName(row.what.kind).data(),
                static_cast<qsizetype>(fdKindName(row.what.kind).size()));
        case Target:
            if (row.what.kind == FdKind::DeletedFile)
                return tr("%1 (deleted)").arg(fmt::displayBytes(row.what.name));
            return fmt::displayBytes(row.target);
        case Position:
            return haveInfo ? QVariant(static_cast<qulonglong>(row.info->pos)) : QVariant(unknown);
        case Flags:
            return haveInfo ? QString::fromStdString(describeOpenFlags(row.info->flags)) : unknown;
        case MountId:
            return haveInfo && row.info->mntId >= 0 ? QVariant(row.info->mntId) : QVariant(unknown);
        }
        break;
    case SortRole:
        switch (column) {
        case Fd:
            return row.fd;
        case Kind:
            return static_cast<int>(row.what.kind);
        case Target:
            return fmt::displayBytes(row.target);
        case Position:
            return haveInfo ? static_cast<qlonglong>(row.info->pos) : -1LL;
        case Flags:
            return haveInfo ? static_cast<qlonglong>(row.info->flags) : -1LL;
        case MountId:
            return haveInfo ? row.info->mntId : -1;
        }
        break;
    case Qt::ToolTipRole:
        if ((column == Position || column == Flags || column == MountId) && !haveInfo)
            return tr("fdinfo/%1 unreadable: %2")
                .arg(row.fd)
                .arg(QString::fromLatin1(errorText(row.infoError).data()));
        if (column == Kind && row.what.kind == FdKind::DeletedFile)
            return tr("The file was deleted while open: its data stays on disk until the last "
                      "descriptor closes");
        if (column == Flags && haveInfo)
            return tr("0%1 (octal)").arg(row.info->flags, 0, 8);
        if (column == Target && haveInfo && !row.info->extra.empty()) {
            QStringList lines;
            for (const auto& l : row.info->extra)
                lines << fmt::displayBytes(l);
            return fmt::displayBytes(row.target) + QLatin1Char('\n')
                + lines.join(QLatin1Char('\n'));
        }
        if (column == Target)
            return fmt::displayBytes(row.target);
        break;
    case Qt::ForegroundRole:
        if (row.what.kind == FdKind::DeletedFile && column <= Target)
            return toneColor(TextTone::Error, QGuiApplication::palette());
        break;
    case Qt::TextAlignmentRole:
        if (column == Fd || column == Position || column == MountId)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        break;
    }
    return {};
}

} // namespace pg

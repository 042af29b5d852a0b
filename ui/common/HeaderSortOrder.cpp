// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/HeaderSortOrder.h"

#include <QHeaderView>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>

namespace pg {

HeaderSortOrder::HeaderSortOrder(QHeaderView* header)
    : QObject(header)
    , m_header(header)
    , m_section(header->sortIndicatorSection())
{
    setObjectName(QStringLiteral("headerSortOrder"));
}

HeaderSortOrder* HeaderSortOrder::install(QHeaderView* header)
{
    if (!header)
        return nullptr;
    if (auto* existing = header->findChild<HeaderSortOrder*>(
            QStringLiteral("headerSortOrder"), Qt::FindDirectChildrenOnly))
        return existing;
    auto* self = new HeaderSortOrder(header);
    // QHeaderView gives a newly clicked section ascending order, then emits sortIndicatorChanged
    // (the view sorts) and then sectionClicked. A press on the section tells a click from code.
    connect(header, &QHeaderView::sectionPressed, self, [self](int s) { self->m_pressed = s; });
    connect(header, &QHeaderView::sectionClicked, self, [self] { self->m_pressed = -1; });
    connect(header, &QHeaderView::sectionMoved, self, [self] { self->m_pressed = -1; });
    connect(header, &QHeaderView::sortIndicatorChanged, self,
        [self](int section, Qt::SortOrder order) { self->sortIndicatorChanged(section, order); });
    if (QAbstractItemModel* model = header->model()) {
        connect(model, &QAbstractItemModel::layoutChanged, self,
            [self](const QList<QPersistentModelIndex>&, QAbstractItemModel::LayoutChangeHint hint) {
                if (hint == QAbstractItemModel::VerticalSortHint)
                    self->followModelSort();
            });
    }
    self->followModelSort();
    return self;
}

bool HeaderSortOrder::isNumericColumn(const QHeaderView* header, int section)
{
    const QAbstractItemModel* model = header->model();
    if (!model)
        return false;
    const auto* proxy = qobject_cast<const QSortFilterProxyModel*>(model);
    const int sortRole = proxy ? proxy->sortRole() : Qt::UserRole + 1;
    if (model->rowCount() > 0) {
        const QModelIndex first = model->index(0, section);
        QVariant value = first.data(sortRole);
        if (!value.isValid())
            value = first.data(Qt::DisplayRole);
        switch (value.typeId()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::ULong:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Double:
        case QMetaType::Float:
            return true;
        default:
            return false;
        }
    }
    const QVariant align = model->headerData(section, header->orientation(), Qt::TextAlignmentRole);
    return align.isValid() && (align.toInt() & Qt::AlignRight);
}

void HeaderSortOrder::sortIndicatorChanged(int section, int order)
{
    const bool firstClick = section == m_pressed && section != m_section;
    m_section = section;
    m_pressed = -1;
    // The view has sorted ascending already (its connection came first): sort again, once.
    if (firstClick && order == Qt::AscendingOrder && isNumericColumn(m_header, section))
        m_header->setSortIndicator(section, Qt::DescendingOrder);
}

void HeaderSortOrder::followModelSort()
{
    const auto* proxy = qobject_cast<const QSortFilterProxyModel*>(m_header->model());
    if (!proxy || proxy->sortColumn() < 0)
        return;
    if (proxy->sortColumn() == m_header->sortIndicatorSection()
        && proxy->sortOrder() == m_header->sortIndicatorOrder())
        return;
    // Already sorted: move the arrow without asking the view to sort again.
    {
        const QSignalBlocker blocker(m_header);
        m_header->setSortIndicator(proxy->sortColumn(), proxy->sortOrder());
    }
    m_section = proxy->sortColumn();
    m_header->viewport()->update();
}

} // namespace pg

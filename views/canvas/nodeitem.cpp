#include "nodeitem.h"

#include "associationedgeitem.h"
#include "canvasstyle.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>
#include <QTextOption>

#include <map>
#include <tuple>

namespace mc {

namespace {
constexpr qreal minWidth = 150;
constexpr qreal maxWidth = 420;
constexpr qreal typeGap = 16;

/// The advance of \a text, remembered: nodes repeat the same types and column
/// names, and shaping each again cost most of building the scene's nodes.
qreal textAdvance(const QFontMetricsF &metrics, QHash<QString, qreal> &cache, const QString &text)
{
    const auto it = cache.constFind(text);
    if (it != cache.cend())
        return *it;
    const qreal width = metrics.horizontalAdvance(text);
    if (cache.size() < 8192)
        cache.insert(text, width);
    return width;
}
/// Text drawn as given (QStaticText would otherwise guess at rich text).
QStaticText plainText(const QString &text)
{
    QStaticText out;
    out.setTextFormat(Qt::PlainText);
    out.setText(text);
    return out;
}
} // namespace

NodeItem::NodeItem()
{
    setFlag(ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    relayout();
}

void NodeItem::setContent(NodeContent content)
{
    if (content == m_content)
        return;
    m_content = std::move(content);
    setToolTip(m_content.toolTip);
    relayout();
}

void NodeItem::setCollapsed(bool collapsed)
{
    if (collapsed == m_collapsed)
        return;
    m_collapsed = collapsed;
    relayout();
}

void NodeItem::setInCycle(bool inCycle)
{
    if (inCycle == m_inCycle)
        return;
    m_inCycle = inCycle;
    update();
}

void NodeItem::addEdge(AssociationEdgeItem *edge)
{
    if (!m_edges.contains(edge))
        m_edges << edge;
}

void NodeItem::removeEdge(AssociationEdgeItem *edge)
{
    m_edges.removeAll(edge);
}

// Font metrics are measured once (static): the canvas uses the application font as it
// is when the first node is laid out.
void NodeItem::relayout()
{
    prepareGeometryChange();
    static const QFontMetricsF title(CanvasStyle::titleFont());
    static const QFontMetricsF body(CanvasStyle::bodyFont());
    static const QFontMetricsF small(CanvasStyle::smallFont());
    m_rowHeight = body.height() + 4;
    m_headerHeight = title.height() + small.height() + CanvasStyle::padding * 1.5;
    m_markerWidth = small.horizontalAdvance(QStringLiteral("PK")) + 6;
    static QHash<QString, qreal> bodyWidths;
    static QHash<QString, qreal> smallWidths;
    m_nameWidth = 0;
    qreal typeWidth = 0;
    for (const NodeRow &row : m_content.rows) {
        m_nameWidth = qMax(m_nameWidth, textAdvance(body, bodyWidths, row.name));
        typeWidth = qMax(typeWidth, textAdvance(small, smallWidths, row.type));
    }
    const qreal header = qMax(title.horizontalAdvance(m_content.title),
                              small.horizontalAdvance(m_content.subtitle)) +
                         2 * CanvasStyle::handleRadius + 16;
    const qreal rows = m_markerWidth + m_nameWidth + typeGap + typeWidth;
    const qreal width = qBound(minWidth, qMax(header, rows) + 2 * CanvasStyle::padding, maxWidth);
    const qreal height = m_collapsed ? m_headerHeight
                                     : m_headerHeight + m_content.rows.size() * m_rowHeight +
                                           CanvasStyle::padding / 2;
    m_size = QSizeF(width, height);
    m_headerBand = headerBand();
    prepareHeaderTexts();
    const qreal right = width - CanvasStyle::padding;
    const qreal nameLeft = CanvasStyle::padding + m_markerWidth;
    m_rowLayout.clear();
    m_rowLayout.reserve(m_content.rows.size());
    for (const NodeRow &row : m_content.rows) {
        const qreal typeX = right - textAdvance(small, smallWidths, row.type);
        const qreal room = typeX - typeGap - nameLeft;
        m_rowLayout.append({plainText(textAdvance(body, bodyWidths, row.name) <= room
                                          ? row.name
                                          : body.elidedText(row.name, Qt::ElideRight, room)),
                            plainText(row.type), typeX});
    }
    update();
    for (AssociationEdgeItem *edge : qAsConst(m_edges))
        edge->nodeMoved(this);
}

/// The header's static texts: shaped once per layout (or zoom), not per paint.
void NodeItem::prepareHeaderTexts()
{
    m_titleText = plainText(m_content.title);
    m_subtitleText = plainText(m_content.subtitle);
    QTextOption centred(Qt::AlignHCenter);
    centred.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_overviewTitle.setTextFormat(Qt::PlainText);
    m_overviewTitle.setTextOption(centred);
    m_overviewTitle.setTextWidth(m_size.width());
    m_overviewTitle.setText(m_content.title);
}

/// Rounded top corners, square bottom. Simplifying it per paint cost more than the
/// rest of the node, and per node most of a node's layout: nodes share a few
/// widths, so each shape is simplified once.
QPainterPath NodeItem::headerBand() const
{
    static std::map<std::tuple<qreal, qreal, bool>, QPainterPath> shapes;
    const QRectF header = headerRect();
    const auto key = std::make_tuple(header.width(), header.height(), m_collapsed);
    const auto known = shapes.find(key);
    if (known != shapes.end())
        return known->second;
    QPainterPath band;
    band.setFillRule(Qt::WindingFill);
    band.addRoundedRect(header.adjusted(0.5, 0.5, -0.5, 0), CanvasStyle::radius,
                        CanvasStyle::radius);
    if (!m_collapsed)
        band.addRect(header.adjusted(0.5, header.height() / 2, -0.5, 0));
    band = band.simplified();
    if (shapes.size() < 4096)
        shapes.emplace(key, band);
    return band;
}

QRectF NodeItem::boundingRect() const
{
    const qreal m = 2 + CanvasStyle::handleRadius; // selection pen and the handle
    return QRectF(QPointF(0, 0), m_size).adjusted(-m, -m, m, m);
}

QRectF NodeItem::headerRect() const
{
    return QRectF(0, 0, m_size.width(), m_headerHeight);
}

int NodeItem::rowAt(const QPointF &pos) const
{
    if (m_collapsed || pos.x() < 0 || pos.x() > m_size.width() || pos.y() < m_headerHeight)
        return -1;
    const int row = int((pos.y() - m_headerHeight) / m_rowHeight);
    return row < m_content.rows.size() ? row : -1;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const bool detailed = lod >= CanvasStyle::detailThreshold;
    (void)option;
    paintBox(painter, detailed);
    if (detailed && !m_collapsed)
        paintRows(painter);
}

QPen NodeItem::boxPen(const CanvasStyle &style) const
{
    QColor border = m_inCycle ? CanvasStyle::warning() : style.border();
    qreal width = m_inCycle ? 2.5 : 1;
    if (isSelected()) {
        border = style.accent();
        width = 2.5;
    }
    QPen pen(border, width);
    if (isJunction())
        pen.setStyle(Qt::DashLine);
    return pen;
}

QColor NodeItem::boxFill(const CanvasStyle &style) const
{
    return m_inCycle ? style.warningFill() : style.nodeFill();
}

namespace {
const QFont &overviewFont()
{
    static const QFont big = [] {
        QFont f = CanvasStyle::titleFont();
        f.setPointSizeF(f.pointSizeF() * 2.2);
        return f;
    }();
    return big;
}
} // namespace

bool NodeItem::overviewTitleReadable(qreal lod)
{
    static const qreal bigHeight = QFontMetricsF(overviewFont()).height();
    return lod * bigHeight >= 5;
}

void NodeItem::paintOverviewTitle(QPainter *painter, const CanvasStyle &style) const
{
    painter->setFont(overviewFont());
    painter->setPen(style.text());
    const qreal top = (m_size.height() - m_overviewTitle.size().height()) / 2;
    painter->drawStaticText(QPointF(0, qMax<qreal>(0, top)), m_overviewTitle);
}

void NodeItem::paintBox(QPainter *painter, bool detailed)
{
    const CanvasStyle &style = CanvasStyle::of(this);
    const QRectF box(QPointF(0, 0), m_size);
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    painter->setPen(boxPen(style));
    painter->setBrush(boxFill(style));
    if (detailed)
        painter->drawRoundedRect(box, CanvasStyle::radius, CanvasStyle::radius);
    else
        painter->drawRect(box); // corners too small to see

    if (!detailed) {
        // Zoomed out: a named box, the name enlarged; too small to read, no text.
        if (overviewTitleReadable(
                QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())))
            paintOverviewTitle(painter, style);
        return;
    }
    // Header band: rounded top corners, square bottom.
    const QRectF header = headerRect();
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_inCycle ? style.warningFill()
                                : (isJunction() ? style.junctionHeaderFill() : style.headerFill()));
    painter->drawPath(m_headerBand);
    if (!m_collapsed) {
        painter->setPen(QPen(style.border(), 0.8));
        painter->drawLine(header.bottomLeft(), header.bottomRight());
    }

    static const QFontMetricsF title(CanvasStyle::titleFont());
    const qreal x = CanvasStyle::padding;
    painter->setFont(CanvasStyle::titleFont());
    painter->setPen(style.text());
    painter->drawStaticText(QPointF(x, CanvasStyle::padding * 0.75), m_titleText);
    painter->setFont(CanvasStyle::smallFont());
    painter->setPen(style.mutedText());
    painter->drawStaticText(QPointF(x, CanvasStyle::padding * 0.75 + title.height()),
                            m_subtitleText);
    paintDecorations(painter, m_inCycle ? CanvasStyle::warning() : style.accent());
}

void NodeItem::paintRows(QPainter *painter)
{
    const CanvasStyle &style = CanvasStyle::of(this);
    static const QFont body = CanvasStyle::bodyFont();
    static const QFont small = CanvasStyle::smallFont();
    static const QFont italic = [] {
        QFont f = CanvasStyle::bodyFont();
        f.setItalic(true);
        return f;
    }();
    static const QFontMetricsF metrics(body);
    static const qreal smallAscent = QFontMetricsF(small).ascent();
    static const qreal italicAscent = QFontMetricsF(italic).ascent();
    static const QStaticText pk = plainText(QStringLiteral("PK"));
    static const QStaticText fk = plainText(QStringLiteral("FK"));
    const qreal left = CanvasStyle::padding;
    const qreal nameLeft = left + m_markerWidth;
    qreal y = m_headerHeight;
    for (int i = 0; i < m_content.rows.size(); ++i) {
        const NodeRow &row = m_content.rows[i];
        const RowLayout &layout = m_rowLayout[i];
        const qreal base = y + (m_rowHeight + metrics.ascent() - metrics.descent()) / 2;
        // Static texts are placed by their top: the baseline less the ascent.
        const qreal smallTop = base - smallAscent;
        painter->setFont(small);
        if (row.primaryKey) {
            painter->setPen(style.accent());
            painter->drawStaticText(QPointF(left, smallTop), pk);
        } else if (row.kind == NodeRow::ForeignKey || row.kind == NodeRow::Key) {
            painter->setPen(style.derived());
            painter->drawStaticText(QPointF(left, smallTop), fk);
        }
        painter->setPen(style.mutedText());
        painter->drawStaticText(QPointF(layout.typeX, smallTop), layout.type);
        // Derived FK columns: italic in the link colour (the tooltip names the association).
        const bool derived = row.kind == NodeRow::ForeignKey;
        painter->setFont(derived ? italic : body);
        painter->setPen(derived
                            ? style.derived()
                            : (row.kind == NodeRow::Implicit ? style.mutedText() : style.text()));
        painter->drawStaticText(
            QPointF(nameLeft, base - (derived ? italicAscent : metrics.ascent())), layout.name);
        y += m_rowHeight;
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (AssociationEdgeItem *edge : qAsConst(m_edges))
            edge->nodeMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    // One tooltip per row: the FK rows name the association that added them.
    const int row = rowAt(event->pos());
    setToolTip(row >= 0 ? m_content.rows[row].toolTip : m_content.toolTip);
    QGraphicsItem::hoverMoveEvent(event);
}

} // namespace mc

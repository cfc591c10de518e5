#pragma once

#include <QWidget>

namespace mc {

class Document;

/// The key in the view's corner: the edge notation and, while the design has FK
/// cycles, the warning colour that marks them.
class CanvasLegend : public QWidget
{
    Q_OBJECT

public:
    CanvasLegend(Document *document, QWidget *parent);

    int cycleCount() const { return m_cycles; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();
    QStringList lines() const;

    Document *m_document;
    int m_cycles = 0;
};

} // namespace mc

//! The smooth emotion curve: a monotone cubic through the points, so the curve never
//! overshoots a point (no invented highs or lows between two stages).

use egui::{Pos2, pos2};

/// Samples a monotone cubic Hermite spline (Fritsch–Carlson) through `points`, which
/// must be sorted by x, with `steps` samples per span. Fewer than two points give the
/// points themselves.
pub fn monotone_curve(points: &[Pos2], steps: usize) -> Vec<Pos2> {
    let n = points.len();
    if n < 2 {
        return points.to_vec();
    }
    let dx: Vec<f32> = points.windows(2).map(|w| w[1].x - w[0].x).collect();
    let slope: Vec<f32> = points
        .windows(2)
        .zip(&dx)
        .map(|(w, &d)| {
            if d.abs() < 1e-6 {
                0.0
            } else {
                (w[1].y - w[0].y) / d
            }
        })
        .collect();
    let mut tangent = vec![0.0f32; n];
    tangent[0] = slope[0];
    tangent[n - 1] = slope[n - 2];
    for i in 1..n - 1 {
        tangent[i] = if slope[i - 1] * slope[i] <= 0.0 {
            0.0
        } else {
            f32::midpoint(slope[i - 1], slope[i])
        };
    }
    for i in 0..n - 1 {
        if slope[i].abs() < 1e-9 {
            tangent[i] = 0.0;
            tangent[i + 1] = 0.0;
            continue;
        }
        let a = tangent[i] / slope[i];
        let b = tangent[i + 1] / slope[i];
        let h = a.hypot(b);
        if h > 3.0 {
            let k = 3.0 / h;
            tangent[i] = k * a * slope[i];
            tangent[i + 1] = k * b * slope[i];
        }
    }
    let steps = steps.max(1);
    let mut out = Vec::with_capacity((n - 1) * steps + 1);
    for i in 0..n - 1 {
        let (p0, p1, d) = (points[i], points[i + 1], dx[i]);
        for k in 0..steps {
            let t = k as f32 / steps as f32;
            let (t2, t3) = (t * t, t * t * t);
            let h00 = 2.0 * t3 - 3.0 * t2 + 1.0;
            let h10 = t3 - 2.0 * t2 + t;
            let h01 = -2.0 * t3 + 3.0 * t2;
            let h11 = t3 - t2;
            let y = h00 * p0.y + h10 * d * tangent[i] + h01 * p1.y + h11 * d * tangent[i + 1];
            out.push(pos2(p0.x + t * d, y));
        }
    }
    out.push(points[n - 1]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_through_points_and_never_overshoots() {
        let pts = [
            pos2(0.0, 10.0),
            pos2(100.0, 50.0),
            pos2(200.0, 50.0),
            pos2(300.0, 0.0),
        ];
        let curve = monotone_curve(&pts, 10);
        assert_eq!(curve.len(), 31);
        assert_eq!(curve[0], pts[0]);
        assert_eq!(curve[10], pts[1]);
        assert_eq!(*curve.last().unwrap(), pts[3]);
        for p in &curve {
            assert!(p.y >= -0.001 && p.y <= 50.001, "overshoot at {p:?}");
        }
        // Flat between two equal points.
        for p in &curve[10..=20] {
            assert!((p.y - 50.0).abs() < 1e-3);
        }
    }

    #[test]
    fn too_few_points_are_returned_as_is() {
        assert!(monotone_curve(&[], 10).is_empty());
        assert_eq!(monotone_curve(&[pos2(1.0, 2.0)], 10), vec![pos2(1.0, 2.0)]);
    }
}

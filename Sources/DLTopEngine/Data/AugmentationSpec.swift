import Foundation

/// On-the-fly image augmentation for the training split, parsed from `--augment`.
///
/// Each sample of a batch draws its own transform: a horizontal and a vertical flip each with
/// probability ½, an integer shift of up to ±`maxShift` pixels in each direction, a rotation of up
/// to ±`maxDegrees` about the image centre (bilinear), and a brightness offset of up to
/// ±`maxBrightness` added to every pixel (in the units of the batch as given). Pixels that come
/// from outside the image repeat the nearest edge pixel, which is neutral whether or not the batch
/// is normalized. Validation and test data are never augmented.
package struct AugmentationSpec: Sendable, Equatable, CustomStringConvertible {
  package var horizontalFlip = false
  package var verticalFlip = false
  package var shift = false
  package var rotate = false
  package var brightness = false
  package var maxShift = 2
  package var maxDegrees: Float = 10
  package var maxBrightness: Float = 0.1

  package init(
    horizontalFlip: Bool = false, verticalFlip: Bool = false, shift: Bool = false,
    rotate: Bool = false, brightness: Bool = false
  ) {
    self.horizontalFlip = horizontalFlip
    self.verticalFlip = verticalFlip
    self.shift = shift
    self.rotate = rotate
    self.brightness = brightness
  }

  /// No augmentation.
  package static let none = AugmentationSpec()

  /// Whether any transform is on.
  package var isEmpty: Bool { !(horizontalFlip || verticalFlip || shift || rotate || brightness) }

  /// Parses a comma list of `flip` (= `hflip`), `hflip`, `vflip`, `shift`, `rotate`, `brightness`;
  /// `none` or an empty text turn augmentation off.
  package static func parse(_ text: String) throws -> AugmentationSpec {
    var spec = AugmentationSpec()
    for item in text.lowercased().split(separator: ",").map({
      $0.trimmingCharacters(in: .whitespaces)
    }) {
      switch item {
      case "flip", "hflip": spec.horizontalFlip = true
      case "vflip": spec.verticalFlip = true
      case "shift": spec.shift = true
      case "rotate", "rotation": spec.rotate = true
      case "brightness": spec.brightness = true
      case "none", "": break
      default:
        throw DataOptionError(
          .augmentation, "'\(item)' is not one of flip, hflip, vflip, shift, rotate, brightness"
        )
      }
    }
    return spec
  }

  package var description: String {
    let names = [
      (horizontalFlip, "hflip"), (verticalFlip, "vflip"), (shift, "shift"), (rotate, "rotate"),
      (brightness, "brightness"),
    ].filter(\.0).map(\.1)
    return names.isEmpty ? "none" : names.joined(separator: ",")
  }

  /// Augments every sample of an NHWC batch in place.
  ///
  /// - Parameter batch: `[batch, height, width, channels]`; the shape is kept.
  package func augment(_ batch: inout Tensor, using rng: inout SeededGenerator) {
    guard !isEmpty else { return }
    precondition(batch.rank == 4, "augment needs an NHWC batch, got shape \(batch.shape)")
    let (n, h, w, c) = (batch.shape[0], batch.shape[1], batch.shape[2], batch.shape[3])
    let size = h * w * c
    var source = [Float](repeating: 0, count: size)
    for sample in 0..<n {
      let flipX = horizontalFlip && rng.next() & 1 == 1
      let flipY = verticalFlip && rng.next() & 1 == 1
      let dx = shift ? Int(rng.next() % UInt64(2 * maxShift + 1)) - maxShift : 0
      let dy = shift ? Int(rng.next() % UInt64(2 * maxShift + 1)) - maxShift : 0
      let degrees = rotate ? (rng.nextUnitFloat() * 2 - 1) * maxDegrees : 0
      let offset = brightness ? (rng.nextUnitFloat() * 2 - 1) * maxBrightness : 0
      batch.scalars.withUnsafeMutableBufferPointer { all in
        let image = UnsafeMutableBufferPointer(
          rebasing: all[(sample * size)..<((sample + 1) * size)])
        for i in 0..<size { source[i] = image[i] }
        if flipX || flipY {
          for y in 0..<h {
            for x in 0..<w {
              let sy = flipY ? h - 1 - y : y
              let sx = flipX ? w - 1 - x : x
              for k in 0..<c { image[(y * w + x) * c + k] = source[(sy * w + sx) * c + k] }
            }
          }
          for i in 0..<size { source[i] = image[i] }
        }
        if dx != 0 || dy != 0 || degrees != 0 {
          warp(source, into: image, h: h, w: w, c: c, dx: dx, dy: dy, degrees: degrees)
        }
        if offset != 0 {
          for i in 0..<size { image[i] += offset }
        }
      }
    }
  }

  /// Shifts by `(dx, dy)` and rotates by `degrees` about the centre, bilinear, edges repeated.
  private func warp(
    _ source: [Float], into image: UnsafeMutableBufferPointer<Float>, h: Int, w: Int, c: Int,
    dx: Int, dy: Int, degrees: Float
  ) {
    let angle = degrees * Float.pi / 180
    let (cosA, sinA) = (cosf(angle), sinf(angle))
    let cy = Float(h - 1) / 2
    let cx = Float(w - 1) / 2
    for y in 0..<h {
      for x in 0..<w {
        // Inverse map: output pixel → source position.
        let ox = Float(x - dx) - cx
        let oy = Float(y - dy) - cy
        let sx = min(max(cosA * ox + sinA * oy + cx, 0), Float(w - 1))
        let sy = min(max(-sinA * ox + cosA * oy + cy, 0), Float(h - 1))
        let x0 = Int(sx)
        let y0 = Int(sy)
        let x1 = min(x0 + 1, w - 1)
        let y1 = min(y0 + 1, h - 1)
        let fx = sx - Float(x0)
        let fy = sy - Float(y0)
        for k in 0..<c {
          let top = source[(y0 * w + x0) * c + k] * (1 - fx) + source[(y0 * w + x1) * c + k] * fx
          let bottom = source[(y1 * w + x0) * c + k] * (1 - fx) + source[(y1 * w + x1) * c + k] * fx
          image[(y * w + x) * c + k] = top * (1 - fy) + bottom * fy
        }
      }
    }
  }
}

from scipy import ndimage


def pixel_features(image, params):
    """Per pixel: the (2r+1)^2 neighbourhood, a median-filtered background and the pixel's difference from it,
    local mean and spread, and the page's global brightness."""
    radius = int(params.get("radius", 2))
    padded = np.pad(image, radius, mode="reflect")
    height, width = image.shape
    columns = [padded[dy:dy + height, dx:dx + width].ravel() for dy in range(2 * radius + 1) for dx in range(2 * radius + 1)]
    background = ndimage.median_filter(image, size=int(params.get("background", 11)))
    local_mean = ndimage.uniform_filter(image, size=7)
    local_sq = ndimage.uniform_filter(image ** 2, size=7)
    columns += [background.ravel(), (image - background).ravel(), local_mean.ravel(),
                np.sqrt(np.clip(local_sq - local_mean ** 2, 0, None)).ravel(), np.full(image.size, image.mean())]
    return np.column_stack(columns).astype(np.float32)


FEATURE_BUILDERS["feature.pixel_neighbourhood"] = pixel_features

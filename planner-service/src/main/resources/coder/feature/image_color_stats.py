def feature_image_color_stats(context, params):
    """Per-channel mean, spread and percentiles, plus shape moments of the thresholded image."""
    from skimage.measure import moments_hu, moments_central, moments_normalized
    images = load_row_images(context, int(params.get("size", 64)), grey=False)
    if all(image is None for image in images):
        log("image_color_stats: no images match the ids; skipped")
        return None
    rows = []
    for image in images:
        if image is None:
            rows.append(np.full(28, np.nan))
            continue
        channels = image.reshape(-1, 3)
        stats = np.concatenate([channels.mean(0), channels.std(0), np.percentile(channels, [10, 50, 90], axis=0).ravel()])
        mask = (image.mean(axis=2) > 0.5).astype(float)
        area = mask.mean()
        hu = moments_hu(moments_normalized(moments_central(mask), 3))
        hu = -np.sign(hu) * np.log10(np.abs(hu) + 1e-12)
        rows.append(np.concatenate([stats, [area], hu, [mask.any(axis=0).mean(), mask.any(axis=1).mean(), mask.std()]]))
    matrix = np.array(rows)
    return np.where(np.isnan(matrix), np.nanmean(matrix, axis=0), matrix)


FEATURE_BUILDERS["feature.image_color_stats"] = feature_image_color_stats

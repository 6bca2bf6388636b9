import torch
from torch import nn


def build_small_cnn(params, channels_in, outputs):
    """Conv-BN-ReLU blocks (two convolutions each) with max pooling, global average pooling and dropout: sized for CPU."""
    layers, width = [], channels_in
    for channels in params.get("channels", [16, 32, 64]):
        layers += [nn.Conv2d(width, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.ReLU(inplace=True),
                   nn.Conv2d(channels, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.ReLU(inplace=True),
                   nn.MaxPool2d(2)]
        width = channels
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(float(params.get("dropout", 0.3))), nn.Linear(width, outputs)]
    return nn.Sequential(*layers)


MODEL_FACTORIES["model.small_cnn"] = build_small_cnn

// placeholder until the skeleton lands

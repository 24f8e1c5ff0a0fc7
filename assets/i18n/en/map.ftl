# Messages: map

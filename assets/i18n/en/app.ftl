# Messages: app

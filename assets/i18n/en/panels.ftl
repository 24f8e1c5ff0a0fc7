# Messages: panels
